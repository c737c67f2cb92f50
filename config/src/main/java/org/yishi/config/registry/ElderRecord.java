package org.yishi.config.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.elder.Elder;
import org.yishi.core.elder.ElderState;
import org.yishi.core.elder.ResidentId;
import org.yishi.core.elder.StatusChange;

/**
 * A row of the registry's elders.csv: everything the civil-affairs registry knows about an elder. {@code residentDistrict}
 * and {@code residentTown} are where he permanently lives (常住), "" when that is where he is registered. The full
 * resident ID and phone stay on the server; {@link #toTillElder()} keeps only what a till needs.
 */
public record ElderRecord(
        String elderId,
        String name,
        ResidentId residentId,
        Gender gender,
        LocalDate birthDate,
        List<CategoryTag> categories,
        String registeredDistrict,
        String registeredTown,
        String phone,
        ElderState status,
        LocalDate statusSince,
        String residentDistrict,
        String residentTown) {

    public enum Gender { MALE, FEMALE }

    /** An elder who lives where he is registered (no resident_district / resident_town). */
    public ElderRecord(String elderId, String name, ResidentId residentId, Gender gender, LocalDate birthDate,
            List<CategoryTag> categories, String registeredDistrict, String registeredTown, String phone, ElderState status,
            LocalDate statusSince) {
        this(elderId, name, residentId, gender, birthDate, categories, registeredDistrict, registeredTown, phone, status,
                statusSince, "", "");
    }

    public ElderRecord {
        Objects.requireNonNull(elderId, "elderId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(residentId, "residentId");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthDate, "birthDate");
        categories = List.copyOf(categories);
        Objects.requireNonNull(registeredDistrict, "registeredDistrict");
        Objects.requireNonNull(registeredTown, "registeredTown");
        phone = phone == null ? "" : phone;
        Objects.requireNonNull(status, "status");
        residentDistrict = residentDistrict == null ? "" : residentDistrict;
        residentTown = residentTown == null ? "" : residentTown;
        if (status != ElderState.ACTIVE && statusSince == null) {
            throw new IllegalArgumentException("status " + status + " needs a status_since date");
        }
    }

    /** The elder as a till caches it: no full ID number, no full phone number. */
    public Elder toTillElder() {
        List<StatusChange> history = new ArrayList<>();
        if (status != ElderState.ACTIVE) {
            history.add(new StatusChange(status, statusSince));
        }
        String phoneLast4 = phone.length() >= 4 ? phone.substring(phone.length() - 4) : "";
        return new Elder(elderId, name, birthDate, categories, registeredDistrict, registeredTown, history,
                residentId.last4(), phoneLast4, residentDistrict, residentTown);
    }
}
