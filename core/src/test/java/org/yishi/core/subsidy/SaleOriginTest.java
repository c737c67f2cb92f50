package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yishi.core.policy.LimitBuilder.limit;
import static org.yishi.core.policy.RuleBuilder.rule;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.LimitWindow;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyBuilder;

/**
 * A sale learnt twice — from this till's own index and again from the server's usage of other tills — uses up a
 * limit once; two different sales, even identical in every other field, use it up twice.
 */
class SaleOriginTest extends EngineTestSupport {

    private final Policy twoLunchesAWeek = PolicyBuilder.policy("p").rule(rule("r").fixed(500))
            .limit(limit("two-a-week", LimitWindow.WEEK).meals(2)).build();

    private static PriorPurchase lunchAt(String till, long seq) {
        return new PriorPurchase(LocalDateTime.parse("2024-05-06T11:00"), "lunch", Channel.DINE_IN, 500, Set.of("r"), Set.of(),
                Optional.of(new SaleOrigin(till, seq)));
    }

    @Test
    void theSameSaleTwiceCountsOnce() {
        Quote q = quote(twoLunchesAWeek, lunch("2024-05-07", 1000), lunchAt("T-02", 41), lunchAt("T-02", 41));

        assertThat(q.subsidyFen()).as("one of two lunches used").isEqualTo(500);
    }

    @Test
    void twoSalesAtTwoTillsCountTwice() {
        Quote q = quote(twoLunchesAWeek, lunch("2024-05-07", 1000), lunchAt("T-01", 41), lunchAt("T-02", 41));

        assertThat(q.subsidyFen()).isZero();
        assertThat(q.refusal()).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(RefusalReason.LIMIT_REACHED));
    }

    @Test
    void purchasesWithoutAnOriginAreNeverMerged() {
        PriorPurchase a = prior("2024-05-06T11:00", "lunch", 500, "r");
        PriorPurchase b = prior("2024-05-06T11:00", "lunch", 500, "r");

        assertThat(quote(twoLunchesAWeek, lunch("2024-05-07", 1000), a, b).subsidyFen()).isZero();
    }

    @Test
    void onePerOriginKeepsOrderAndReturnsTheSameListWhenNothingRepeats() {
        List<PriorPurchase> unique = List.of(lunchAt("T-01", 1), prior("2024-05-06T12:00", "lunch", 500, "r"), lunchAt("T-01", 2));
        assertThat(SubsidyEngine.onePerOrigin(unique)).isSameAs(unique);
        List<PriorPurchase> repeated = List.of(lunchAt("T-01", 1), lunchAt("T-01", 2), lunchAt("T-01", 1), lunchAt("T-01", 3));
        assertThat(SubsidyEngine.onePerOrigin(repeated)).containsExactly(lunchAt("T-01", 1), lunchAt("T-01", 2), lunchAt("T-01", 3));
    }

    @Test
    void anOriginNamesATillAndASeq() {
        assertThatThrownBy(() -> new SaleOrigin(" ", 1)).hasMessageContaining("tillId");
        assertThatThrownBy(() -> new SaleOrigin("T-01", 0)).hasMessageContaining("seq");
    }
}
