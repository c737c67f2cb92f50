package org.yishi.core.subsidy;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.policy.PolicyFixtures;

/** Canteens, days and history helpers shared by subsidy tests (and other modules, via core's test-jar). */
public final class QuoteFixtures {

    /** 2024-05-06, a Monday. */
    public static final LocalDate MONDAY = LocalDate.of(2024, 5, 6);

    public static final Canteen LICHENG_CANTEEN = new Canteen("C-440118-01", "荔城街长者饭堂",
            PolicyFixtures.ZENGCHENG, PolicyFixtures.ZENGCHENG_LICHENG, "020-00000001");
    public static final Canteen XINTANG_CANTEEN = new Canteen("C-440118-02", "新塘镇长者饭堂",
            PolicyFixtures.ZENGCHENG, PolicyFixtures.ZENGCHENG_XINTANG, "020-00000002");
    public static final Canteen TIANHE_CANTEEN = new Canteen("C-440106-01", "石牌街长者饭堂",
            PolicyFixtures.TIANHE, PolicyFixtures.TIANHE_SHIPAI, "020-00000003");
    public static final Canteen FUTIAN_CANTEEN = new Canteen("C-440304-01", "福田长者食堂",
            PolicyFixtures.SHENZHEN_FUTIAN, "440304001", "0755-0000001");
    public static final Canteen DONGCHENG_CANTEEN = new Canteen("C-110101-01", "东城老年餐桌",
            PolicyFixtures.BEIJING_DONGCHENG, "110101001", "010-0000001");

    private QuoteFixtures() {
    }

    /** What the till would store after selling {@code purchase} as {@code quote}: the history entry later quotes see. */
    public static PriorPurchase asPrior(Purchase purchase, Quote quote) {
        Set<String> rules = new LinkedHashSet<>();
        for (AppliedRule r : quote.appliedRules()) {
            if (r.subsidyFen() > 0) {
                rules.add(r.ruleId());
            }
        }
        Set<String> providerRules = new LinkedHashSet<>();
        for (ProviderGrant g : quote.providerGrants()) {
            providerRules.add(g.ruleId());
        }
        return new PriorPurchase(purchase.time(), purchase.mealSlot().orElseThrow(), purchase.channel(), quote.subsidyFen(), rules,
                providerRules);
    }
}
