package org.yishi.till.store.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of the card-to-elder join; {@code elderBlockedReason} is the elder's {@link ElderRow#blockedReason()}. */
record CardLookupRow(String cardUid, String elderId, String status, OffsetDateTime statusSince, String name,
        LocalDate birthDate, String categories, String registeredDistrict, String registeredTown, String idLast4,
        String phoneLast4, String statusHistory, String elderBlockedReason,
        String residentDistrict, String residentTown) {

    IdentifiedElder toIdentifiedElder() {
        ElderRow elder = new ElderRow(elderId, name, birthDate, categories, registeredDistrict, registeredTown, idLast4,
                phoneLast4, statusHistory, elderBlockedReason, residentDistrict, residentTown);
        return new IdentifiedElder(elder.toElder(), new CardRow(cardUid, elderId, status, statusSince).toCard());
    }
}
