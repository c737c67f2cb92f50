package org.yishi.config.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.yishi.core.policy.CategoryCondition;
import org.yishi.core.policy.CategoryMatcher;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.FundingPart;
import org.yishi.core.policy.LimitWindow;
import org.yishi.core.policy.Locality;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.ProviderRole;
import org.yishi.core.policy.ProviderSubsidyRule;
import org.yishi.core.policy.SubsidyFormula;
import org.yishi.core.policy.SubsidyRule;

/** The four policy files shipped in /policies load and say what their sources say. */
class ShippedPoliciesTest {

    static final Path POLICIES = Path.of("..", "policies");
    private final PolicyLoader loader = new PolicyLoader();

    static Policy load(String file) {
        return new PolicyLoader().load(POLICIES.resolve(file));
    }

    private static SubsidyRule rule(Policy p, String id) {
        return p.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static ProviderSubsidyRule provider(Policy p, String id) {
        return p.providerSubsidies().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void zengchengTiersSplitCityDistrictTownWithLocality() {
        Policy p = load("guangzhou-zengcheng-2020.yaml");
        assertThat(p.id()).isEqualTo("guangzhou-zengcheng");
        assertThat(p.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(p.effectiveFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(p.effectiveTo()).isEmpty();
        assertThat(p.funders()).extracting(f -> f.code()).containsExactly("city", "district", "town");
        assertThat(p.rules()).extracting(SubsidyRule::id).containsExactly("hardship", "age_80_plus", "age_60_79");
        SubsidyRule hardship = rule(p, "hardship");
        assertThat(hardship.formula()).isEqualTo(new SubsidyFormula.Copay(100));
        assertThat(hardship.capFen()).isEqualTo(OptionalLong.of(1100));
        assertThat(hardship.group()).isEqualTo("main");
        assertThat(hardship.eligibility().minAge()).isEqualTo(60);
        assertThat(hardship.eligibility().registeredIn()).containsExactly("4401");
        assertThat(hardship.eligibility().categories()).isEqualTo(CategoryCondition.of(List.of(CategoryMatcher.any("extreme_poverty"),
                CategoryMatcher.any("minimum_living"), CategoryMatcher.any("low_income"), CategoryMatcher.any("military_welfare")), List.of()));
        assertThat(hardship.funding()).containsExactly(
                FundingPart.fixed("city", 300, Locality.ANYWHERE),
                FundingPart.fixed("district", 300, Locality.HOME_DISTRICT),
                FundingPart.rest("town", Locality.HOME_TOWN));
        assertThat(rule(p, "age_80_plus").capFen()).isEqualTo(OptionalLong.of(900));
        assertThat(rule(p, "age_60_79").eligibility().maxAge()).isEqualTo(79);
        assertThat(p.limits()).singleElement().satisfies(l -> {
            assertThat(l.window()).isEqualTo(LimitWindow.MEAL_SLOT);
            assertThat(l.maxMeals()).isEqualTo(1);
            assertThat(l.maxSubsidyFen()).isEqualTo(-1);
        });
        // The standard vocabulary is part of every policy, so registry categories are checked against it.
        assertThat(p.categories()).extracting(c -> c.code()).contains("minimum_living", "disabled", "incapacitated");
    }

    @Test
    void guangzhouCityIsAQuarterCappedAtThreeSplitHalfAndRest() {
        Policy p = load("guangzhou-city-2022.yaml");
        SubsidyRule r = rule(p, "registered_60_plus");
        assertThat(r.formula()).isEqualTo(new SubsidyFormula.Percent(2500));
        assertThat(r.capFen()).isEqualTo(OptionalLong.of(300));
        assertThat(r.eligibility().mealSlots()).containsExactlyInAnyOrder("lunch", "dinner");
        assertThat(r.funding()).containsExactly(FundingPart.percent("city", 5000, Locality.ANYWHERE),
                FundingPart.rest("district", Locality.ANYWHERE));
        assertThat(p.mealSlot("lunch")).get().satisfies(s -> {
            assertThat(s.window().orElseThrow().start()).isEqualTo(LocalTime.of(10, 30));
            assertThat(s.window().orElseThrow().end()).isEqualTo(LocalTime.of(13, 30));
        });
    }

    @Test
    void shenzhenWeekdayLunchTiersAndProviderSubsidies() {
        Policy p = load("shenzhen-2025.yaml");
        assertThat(p.categories()).extracting(c -> c.code()).contains("cadre_veteran_family");
        SubsidyRule priority = rule(p, "priority");
        assertThat(priority.formula()).isEqualTo(new SubsidyFormula.Fixed(1500));
        assertThat(priority.eligibility().weekdays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(priority.eligibility().mealSlots()).containsExactly("lunch");
        assertThat(rule(p, "centenarian").eligibility().minAge()).isEqualTo(100);
        assertThat(rule(p, "registered_70_99").formula()).isEqualTo(new SubsidyFormula.Fixed(500));
        ProviderSubsidyRule incapacitated = provider(p, "delivery_incapacitated");
        assertThat(incapacitated.role()).isEqualTo(ProviderRole.DELIVERY);
        assertThat(incapacitated.amountFen()).isEqualTo(200);
        assertThat(incapacitated.eligibility().categories())
                .isEqualTo(CategoryCondition.of(List.of(new CategoryMatcher("incapacitated", 2, 4)), List.of()));
        assertThat(incapacitated.eligibility().channels()).containsExactly(Channel.DELIVERY);
        assertThat(incapacitated.requiresMealSubsidy()).isTrue();
        assertThat(provider(p, "operator_per_meal").window()).isNull();
    }

    @Test
    void beijingFiveADayOverFiveYuanAndOperatorOncePerDay() {
        Policy p = load("beijing-2022.yaml");
        SubsidyRule r = rule(p, "recognised_recipient");
        assertThat(r.eligibility().minPriceFen()).isEqualTo(501);
        assertThat(r.eligibility().registeredIn()).containsExactly("1101");
        assertThat(r.formula()).isEqualTo(new SubsidyFormula.Fixed(500));
        assertThat(p.limits()).singleElement().satisfies(l -> assertThat(l.window()).isEqualTo(LimitWindow.DAY));
        ProviderSubsidyRule op = provider(p, "operator_per_elder_day");
        assertThat(op.window()).isEqualTo(LimitWindow.DAY);
        assertThat(op.maxPerWindow()).isEqualTo(1);
        assertThat(op.amountFen()).isEqualTo(300);
        assertThat(op.funder()).isEqualTo("government");
    }

    @Test
    void checkReportsNothingForEveryShippedFile() {
        for (String f : new String[] {"guangzhou-city-2022.yaml", "guangzhou-zengcheng-2020.yaml", "shenzhen-2025.yaml", "beijing-2022.yaml"}) {
            assertThat(loader.check(POLICIES.resolve(f))).as(f).isEmpty();
        }
    }
}
