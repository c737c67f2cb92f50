package org.yishi.server.journal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.yishi.core.journal.JournalPayload;
import org.yishi.core.journal.ReprintPayload;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SatisfactionPayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.subsidy.ProviderGrant;

/**
 * One stored journal record: the verbatim line, and the columns later work queries by (the sale's elder, day, slot
 * and subsidy; what a reversal, reprint or rating names). The line is the authority; the columns are read from it.
 */
public record RecordRow(String tillId, long seq, String recordType, OffsetDateTime recordTime, String hash, String line,
        OffsetDateTime receivedAt, Long refersTo, String receiptNo, String billId, String elderId, LocalDate mealDay,
        String mealSlot, String channel, Long subsidyFen, Long providerFen, String ruleIds, String providerRuleIds, Boolean offline) {

    static RecordRow of(SignedRecord r, String line, OffsetDateTime receivedAt, ZoneId zone) {
        JournalPayload p = r.typedPayload();
        Long refersTo = null;
        String receipt = null;
        String bill = null;
        String elder = null;
        LocalDate day = null;
        String slot = null;
        String channel = null;
        Long subsidy = null;
        Long provider = null;
        String rules = null;
        String providerRules = null;
        Boolean offline = null;
        if (p instanceof SalePayload s) {
            receipt = s.amounts().receiptNo();
            bill = s.billId();
            elder = s.amounts().elderId();
            day = r.time().atZoneSameInstant(zone).toLocalDate();
            slot = s.mealSlot() == null ? "" : s.mealSlot();
            channel = s.channel().code();
            subsidy = s.amounts().subsidyFen();
            provider = s.amounts().providerGrants().stream().mapToLong(ProviderGrant::fen).sum();
            rules = String.join(";", s.ruleIds());
            providerRules = String.join(";", s.amounts().providerGrants().stream().map(ProviderGrant::ruleId).toList());
            offline = s.offline();
        } else if (p instanceof ReversalPayload v) {
            refersTo = v.originalSeq();
        } else if (p instanceof ReprintPayload rp) {
            refersTo = rp.originalSeq();
        } else if (p instanceof SatisfactionPayload sp) {
            refersTo = sp.saleSeq();
        }
        return new RecordRow(r.tillId(), r.seq(), r.type().name(), r.time(), r.hash(), line, receivedAt, refersTo, receipt, bill, elder,
                day, slot, channel, subsidy, provider, rules, providerRules, offline);
    }
}
