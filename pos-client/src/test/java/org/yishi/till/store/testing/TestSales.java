package org.yishi.till.store.testing;

import java.util.List;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.ProviderRole;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.ProviderGrant;

/** Realistic SALE payloads for store tests: a ¥12 set meal, subsidy split city/district, an operator grant. */
public final class TestSales {

    private TestSales() {
    }

    /** A card sale of one ¥{@code priceFen/100} set meal with {@code subsidyFen} of subsidy (city 3 yuan, district the rest). */
    public static SalePayload sale(String receiptNo, String elderId, long shiftNo, long priceFen, long subsidyFen, String mealSlot,
            Channel channel) {
        SalePayload.Builder b = SalePayload.builder().receiptNo(receiptNo).shiftNo(shiftNo).cashier("C01").elderId(elderId)
                .identification(IdentificationMethod.CARD).cardUidLast4("E5F6").channel(channel).mealSlot(mealSlot)
                .item(new SaleItem("set-12", "12元套餐", 1, priceFen, priceFen)).policy("guangzhou-zengcheng", "2020.1")
                .paymentMethod("cash").amounts(priceFen, subsidyFen, priceFen - subsidyFen);
        if (subsidyFen > 0) {
            long city = Math.min(300, subsidyFen);
            b.ruleIds(List.of("zc-60-79")).funderShares(subsidyFen > city
                    ? List.of(new FunderShare("city", city), new FunderShare("district", subsidyFen - city))
                    : List.of(new FunderShare("city", city)));
            b.providerGrants(List.of(new ProviderGrant("operator-per-meal", ProviderRole.OPERATOR, "city", 200)));
        }
        return b.build();
    }

    public static SalePayload lunch(String receiptNo, String elderId, long shiftNo) {
        return sale(receiptNo, elderId, shiftNo, 1200, 700, "lunch", Channel.DINE_IN);
    }
}
