package org.yishi.till.store.ledger;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.policy.Channel;
import org.yishi.core.subsidy.ProviderGrant;

/** A row of {@code sale}. */
record SaleRow(long seq, String receiptNo, String elderId, String identification, String mealSlot, LocalDateTime saleTime,
        String channel, long priceFen, long subsidyFen, long copayFen, String ruleIds, String providerRuleIds, String policyId,
        String policyVersion, long shiftNo, Long voidedBySeq, Long refundedBySeq, String billId) {

    private static final String SEPARATOR = ";";

    static SaleRow of(SignedRecord record, SalePayload sale, ZoneId zone) {
        return new SaleRow(record.seq(), sale.receiptNo(), sale.elderId(), sale.identification().code(), sale.mealSlot(),
                record.time().atZoneSameInstant(zone).toLocalDateTime(), sale.channel().code(), sale.priceFen(),
                sale.subsidyFen(), sale.copayFen(), String.join(SEPARATOR, sale.ruleIds()),
                String.join(SEPARATOR, sale.amounts().providerGrants().stream().map(ProviderGrant::ruleId).distinct().toList()),
                sale.policyId(), sale.policyVersion(), sale.shiftNo(), null, null, sale.billId());
    }

    IndexedSale toIndexedSale() {
        return new IndexedSale(seq, receiptNo, elderId, identification, mealSlot, saleTime, Channel.fromCode(channel), priceFen,
                subsidyFen, copayFen, split(ruleIds), split(providerRuleIds), policyId, policyVersion, shiftNo,
                voidedBySeq, refundedBySeq);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }
}
