package org.yishi.core.journal;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.ProviderGrant;

/**
 * The money of a sale: what a VOID or REFUND copies from the original and reverses, and what the totals add up.
 *
 * @param receiptNo      the sale's receipt number
 * @param elderId        the elder, null for a walk-in
 * @param priceFen       total price, fen
 * @param subsidyFen     meal subsidy, fen; the sum of {@code funderShares}
 * @param copayFen       paid by the elder: price − subsidy, fen
 * @param funderShares   subsidy per funder, each &gt; 0, one entry per funder
 * @param providerGrants operator/delivery subsidies on the sale (not off the elder's bill), each &gt; 0
 * @param paymentMethod  how the copay was paid: {@code cash}, {@code wechat}, {@code alipay}, {@code unionpay},
 *                       {@code account}, {@code none} ... (a code; the totals group copay by it)
 */
public record SaleAmounts(String receiptNo, String elderId, long priceFen, long subsidyFen, long copayFen,
        List<FunderShare> funderShares, List<ProviderGrant> providerGrants, String paymentMethod) {

    /**
     * ¥100,000,000: no canteen sale comes near it, and with it no sum over a journal can overflow a long.
     */
    public static final long MAX_AMOUNT_FEN = 10_000_000_000L;

    public SaleAmounts {
        Checks.text("receiptNo", receiptNo);
        Checks.optionalText("elderId", elderId);
        Checks.notNegative("priceFen", priceFen);
        if (priceFen > MAX_AMOUNT_FEN) {
            throw new IllegalArgumentException("priceFen " + priceFen + " exceeds the limit of " + MAX_AMOUNT_FEN + " fen");
        }
        Checks.notNegative("subsidyFen", subsidyFen);
        Checks.code("paymentMethod", paymentMethod);
        funderShares = List.copyOf(funderShares);
        providerGrants = List.copyOf(providerGrants);
        if (subsidyFen > priceFen) {
            throw new IllegalArgumentException("subsidyFen " + subsidyFen + " exceeds priceFen " + priceFen);
        }
        if (copayFen != priceFen - subsidyFen) {
            throw new IllegalArgumentException("copayFen " + copayFen + " is not priceFen " + priceFen + " − subsidyFen " + subsidyFen);
        }
        long sum = 0;
        Set<String> funders = new HashSet<>();
        for (FunderShare s : funderShares) {
            Checks.code("funderShares.funder", s.funder());
            Checks.positive("funderShares[" + s.funder() + "].fen", s.fen());
            if (!funders.add(s.funder())) {
                throw new IllegalArgumentException("funder " + s.funder() + " appears twice in funderShares");
            }
            sum = Math.addExact(sum, s.fen());
        }
        if (sum != subsidyFen) {
            throw new IllegalArgumentException("funderShares add up to " + sum + ", not subsidyFen " + subsidyFen);
        }
        for (ProviderGrant g : providerGrants) {
            Checks.text("providerGrants.ruleId", g.ruleId());
            Checks.code("providerGrants.funder", g.funder());
            Objects.requireNonNull(g.role(), "providerGrants.role");
            Checks.positive("providerGrants[" + g.ruleId() + "].fen", g.fen());
            if (g.fen() > MAX_AMOUNT_FEN) {
                throw new IllegalArgumentException("providerGrants[" + g.ruleId() + "].fen " + g.fen() + " exceeds the limit of " + MAX_AMOUNT_FEN + " fen");
            }
        }
    }

    /** The first field in which {@code other} differs from this, as "name: this vs other", or null if equal. */
    String firstDifference(SaleAmounts other) {
        if (!receiptNo.equals(other.receiptNo)) {
            return "receiptNo: \"" + receiptNo + "\" vs \"" + other.receiptNo + "\"";
        }
        if (!Objects.equals(elderId, other.elderId)) {
            return "elderId: " + elderId + " vs " + other.elderId;
        }
        if (priceFen != other.priceFen) {
            return "priceFen: " + priceFen + " vs " + other.priceFen;
        }
        if (subsidyFen != other.subsidyFen) {
            return "subsidyFen: " + subsidyFen + " vs " + other.subsidyFen;
        }
        if (copayFen != other.copayFen) {
            return "copayFen: " + copayFen + " vs " + other.copayFen;
        }
        if (!funderShares.equals(other.funderShares)) {
            return "funderShares: " + funderShares + " vs " + other.funderShares;
        }
        if (!providerGrants.equals(other.providerGrants)) {
            return "providerGrants: " + providerGrants + " vs " + other.providerGrants;
        }
        if (!paymentMethod.equals(other.paymentMethod)) {
            return "paymentMethod: " + paymentMethod + " vs " + other.paymentMethod;
        }
        return null;
    }
}
