package org.yishi.receipts.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.yishi.core.journal.JournalPayload;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SignedRecord;

/**
 * The Z-report's per-tier lines, from a shift's journal records: the SHIFT_CLOSE payload carries totals per funder
 * and payment method but not per tier. A tier is the set of rules that granted a sale's subsidy (its
 * {@code ruleIds}, named through the policy); a VOID or REFUND takes one meal and its subsidy off the tier of the
 * sale it reverses — found in the shift, or through {@code earlierSale} when the sale was in an earlier shift.
 * Walk-ins and sales without subsidy belong to no tier. Tiers print in order of first appearance; tiers that net
 * to nothing are left out.
 */
public final class ShiftTiers {

    private ShiftTiers() {
    }

    /**
     * @param shiftRecords the shift's records, in journal order
     * @param earlierSale  the SALE recorded at a seq before the shift, if any
     * @param ruleName     a rule id's display name (e.g. from {@code Policy.rules()}); the id when unknown
     * @throws IllegalArgumentException if a reversal names a sale that cannot be found
     */
    public static List<ZReport.TierTotal> of(List<SignedRecord> shiftRecords, LongFunction<Optional<SalePayload>> earlierSale,
            Function<String, String> ruleName) {
        Map<Long, SalePayload> salesInShift = new HashMap<>();
        Map<String, long[]> tiers = new LinkedHashMap<>(); // name → {meals, subsidyFen}
        for (SignedRecord record : shiftRecords) {
            JournalPayload payload = record.typedPayload();
            if (payload instanceof SalePayload sale) {
                salesInShift.put(record.seq(), sale);
                add(tiers, sale, ruleName, +1);
            } else if (payload instanceof ReversalPayload reversal) {
                long seq = reversal.originalSeq();
                SalePayload original = Optional.ofNullable(salesInShift.get(seq))
                        .or(() -> earlierSale.apply(seq))
                        .orElseThrow(() -> new IllegalArgumentException("the " + reversal.type() + " at seq " + record.seq()
                                + " reverses seq " + seq + ", which is no sale in this shift or before it"));
                add(tiers, original, ruleName, -1);
            }
        }
        List<ZReport.TierTotal> out = new ArrayList<>();
        tiers.forEach((name, t) -> {
            if (t[0] != 0 || t[1] != 0) {
                out.add(new ZReport.TierTotal(name, t[0], t[1]));
            }
        });
        return out;
    }

    private static void add(Map<String, long[]> tiers, SalePayload sale, Function<String, String> ruleName, int sign) {
        if (sale.subsidyFen() == 0 || sale.ruleIds().isEmpty()) {
            return;
        }
        String name = String.join(" + ", sale.ruleIds().stream().map(ruleName).toList());
        long[] t = tiers.computeIfAbsent(name, k -> new long[2]);
        t[0] += sign;
        t[1] = Math.addExact(t[1], sign * sale.subsidyFen());
    }
}
