package org.yishi.core.policy;

import static org.yishi.core.policy.LimitBuilder.limit;
import static org.yishi.core.policy.ProviderRuleBuilder.provider;
import static org.yishi.core.policy.RuleBuilder.fixedPart;
import static org.yishi.core.policy.RuleBuilder.percentPart;
import static org.yishi.core.policy.RuleBuilder.restPart;
import static org.yishi.core.policy.RuleBuilder.rule;

import java.time.ZoneId;
import java.util.List;

/**
 * Shared test vocabulary and the real policies of {@code shared/domain.md} ("Subsidy policies as they really
 * are") as policy objects, for tests in every module (core's test-jar).
 */
public final class PolicyFixtures {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public static final List<Funder> FUNDERS = List.of(
            new Funder("city", "市财政"),
            new Funder("district", "区财政"),
            new Funder("town", "镇街"),
            new Funder("welfare_lottery", "福彩公益金"),
            new Funder("operator", "企业让利"));

    public static final List<CategoryDefinition> CATEGORIES = List.of(
            new CategoryDefinition("extreme_poverty", "特困", -1, -1),
            new CategoryDefinition("minimum_living", "低保", -1, -1),
            new CategoryDefinition("near_minimum_living", "低保边缘", -1, -1),
            new CategoryDefinition("low_income", "低收入", -1, -1),
            new CategoryDefinition("military_welfare", "优抚对象", -1, -1),
            new CategoryDefinition("lost_only_child", "失独", -1, -1),
            new CategoryDefinition("disabled", "残疾", 1, 4),
            new CategoryDefinition("incapacitated", "失能", 1, 3),
            new CategoryDefinition("meal_recipient", "助餐认定对象", -1, -1));

    public static final List<MealSlot> SLOTS = List.of(
            PolicyBuilder.slot("breakfast", "早餐", "07:00", "09:00"),
            PolicyBuilder.slot("lunch", "午餐", "10:30", "13:30"),
            PolicyBuilder.slot("dinner", "晚餐", "16:30", "19:00"));

    /** Guangzhou: 4401; Zengcheng district: 440118, two of its towns; Tianhe district: 440106. */
    public static final String GUANGZHOU = "4401";
    public static final String ZENGCHENG = "440118";
    public static final String ZENGCHENG_LICHENG = "440118001";
    public static final String ZENGCHENG_XINTANG = "440118002";
    public static final String TIANHE = "440106";
    public static final String TIANHE_SHIPAI = "440106010";
    public static final String SHENZHEN = "4403";
    public static final String SHENZHEN_FUTIAN = "440304";
    public static final String BEIJING = "1101";
    public static final String BEIJING_DONGCHENG = "110101";

    private static final String[] ZENGCHENG_PRIORITY = {"extreme_poverty", "minimum_living", "low_income", "military_welfare"};

    private PolicyFixtures() {
    }

    /** The government part as Zengcheng splits it: city ¥3, district ¥3 in the home district, the town the rest in the home town. */
    public static FundingPart[] zengchengSplit() {
        return new FundingPart[] {
                fixedPart("city", 300),
                fixedPart("district", 300, Locality.HOME_DISTRICT),
                restPart("town", Locality.HOME_TOWN)};
    }

    /**
     * Zengcheng 2020 (a ¥12 meal): 60+ priority categories ¥11, other 80+ ¥9, other 60–79 ¥7; split city ¥3 +
     * district ¥3 + town rest, locality-bound; one subsidised meal per slot a day.
     */
    public static Policy zengcheng2020() {
        return PolicyBuilder.policy("guangzhou-zengcheng").version("2020.1").name("增城区长者饭堂补贴")
                .effective("2020-01-01", null)
                .rule(rule("zc-priority").name("特困低保长者").minAge(60).anyCategory(ZENGCHENG_PRIORITY)
                        .registeredIn(ZENGCHENG).fixed(1100).funding(zengchengSplit()))
                .rule(rule("zc-80").name("80岁以上长者").minAge(80).registeredIn(ZENGCHENG).fixed(900).funding(zengchengSplit()))
                .rule(rule("zc-60").name("60-79岁长者").ages(60, 79).registeredIn(ZENGCHENG).fixed(700).funding(zengchengSplit()))
                .limit(limit("zc-once-per-slot", LimitWindow.MEAL_SLOT).meals(1))
                .build();
    }

    /** Guangzhou city 2022: registered 60+ at home, 1/4 of the price up to ¥3, one per lunch and per dinner. */
    public static Policy guangzhouCity2022() {
        return PolicyBuilder.policy("guangzhou-city").version("2022.1").name("广州市长者助餐配餐补贴")
                .effective("2022-01-01", null)
                .rule(rule("gz-quarter").name("户籍长者").minAge(60).registeredIn(GUANGZHOU).slots("lunch", "dinner")
                        .percent(2500).cap(300).funding(restPart("city")))
                .limit(limit("gz-one-per-slot", LimitWindow.MEAL_SLOT).meals(1).slots("lunch", "dinner"))
                .build();
    }

    /**
     * Guangzhou city's quarter (group "city") stacked with Zengcheng's tiers (group "district"), the kind of
     * multi-rule policy a till quotes all day: a realistic load for benchmarks.
     */
    public static Policy guangzhouZengchengStacked() {
        return PolicyBuilder.policy("guangzhou-zengcheng-stacked").version("2022.1").name("广州市+增城区叠加")
                .effective("2022-01-01", null)
                .rule(rule("gz-quarter").name("市级助餐").group("city").minAge(60).registeredIn(GUANGZHOU)
                        .slots("lunch", "dinner").percent(2500).cap(300).funding(restPart("city")))
                .rule(rule("zc-priority").name("特困低保长者").group("district").minAge(60).anyCategory(ZENGCHENG_PRIORITY)
                        .registeredIn(ZENGCHENG).copay(100).cap(800).funding(fixedPart("district", 500, Locality.HOME_DISTRICT),
                                restPart("town", Locality.HOME_TOWN)))
                .rule(rule("zc-80").name("80岁以上长者").group("district").minAge(80).registeredIn(ZENGCHENG)
                        .noCategory(ZENGCHENG_PRIORITY).fixed(600).funding(fixedPart("district", 300, Locality.HOME_DISTRICT),
                                restPart("town", Locality.HOME_TOWN)))
                .rule(rule("zc-60").name("60-79岁长者").group("district").ages(60, 79).registeredIn(ZENGCHENG)
                        .noCategory(ZENGCHENG_PRIORITY).fixed(400).funding(percentPart("district", 5000, Locality.HOME_DISTRICT),
                                restPart("town", Locality.HOME_TOWN)))
                .rule(rule("zc-disabled-topup").name("残疾长者加补").group("topup").minAge(60).anyCategory("disabled:1-2")
                        .registeredIn(ZENGCHENG).fixed(200).funding(restPart("welfare_lottery")))
                .limit(limit("one-per-slot", LimitWindow.MEAL_SLOT).meals(1))
                .limit(limit("two-a-day", LimitWindow.DAY).meals(2))
                .limit(limit("topup-month", LimitWindow.MONTH).fen(3000).rules("zc-disabled-topup"))
                .provider(provider("op-meal").name("运营补贴").operator().amount(200).paidBy("district").requiresMealSubsidy())
                .provider(provider("delivery").name("送餐补贴").delivery().minAge(80).amount(200).paidBy("district").perDay(1))
                .build();
    }

    /**
     * Shenzhen 2025: priority group up to ¥15 a meal, other registered 70–99 up to ¥5; weekday lunch only;
     * ¥2 per delivery to the delivery organisation for centenarians; ¥2 per meal served to the operator.
     */
    public static Policy shenzhen2025() {
        return PolicyBuilder.policy("shenzhen").version("2025.1").name("深圳市长者助餐补贴")
                .effective("2025-01-01", null)
                .rule(rule("sz-priority").name("重点保障长者").minAge(60).registeredIn(SHENZHEN).slots("lunch").workdays()
                        .anyCategory("extreme_poverty", "minimum_living", "near_minimum_living", "lost_only_child")
                        .fixed(1500).funding(restPart("city")))
                .rule(rule("sz-centenarian").name("百岁长者").minAge(100).registeredIn(SHENZHEN).slots("lunch").workdays()
                        .fixed(1500).funding(restPart("city")))
                .rule(rule("sz-70").name("70-99岁户籍长者").ages(70, 99).registeredIn(SHENZHEN).slots("lunch").workdays()
                        .fixed(500).funding(restPart("city")))
                .limit(limit("sz-one-lunch", LimitWindow.DAY).meals(1))
                .provider(provider("sz-delivery").name("送餐补贴").delivery().minAge(100).registeredIn(SHENZHEN).amount(200))
                .provider(provider("sz-operator").name("运营补贴").operator().amount(200).requiresMealSubsidy())
                .build();
    }

    /** Beijing 2022: recognised recipients ¥5 a day, lunch or dinner, only for meals over ¥5; operators ¥3 per elder a day. */
    public static Policy beijing2022() {
        return PolicyBuilder.policy("beijing").version("2022.1").name("北京市老年助餐补贴")
                .effective("2022-01-01", null)
                .rule(rule("bj-recipient").name("助餐认定对象").anyCategory("meal_recipient").slots("lunch", "dinner")
                        .minPrice(501).fixed(500).funding(restPart("city")))
                .limit(limit("bj-once-a-day", LimitWindow.DAY).meals(1))
                .provider(provider("bj-operator").name("运营补贴").operator().amount(300).requiresMealSubsidy().perDay(1))
                .build();
    }
}
