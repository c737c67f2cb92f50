package org.yishi.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yishi.config.calendar.CalendarLoader;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.AppliedRule;
import org.yishi.core.subsidy.PriorPurchase;
import org.yishi.core.subsidy.Purchase;
import org.yishi.core.subsidy.PurchaseLine;
import org.yishi.core.subsidy.Quote;
import org.yishi.core.subsidy.SubsidyEngine;

/** Loads the test policies of {@code src/test/resources/policies} (with the shipped calendars) and quotes meals in order. */
public final class PolicyTestSupport {

    public static final Path TEST_POLICIES = Path.of("src", "test", "resources", "policies");
    public static final Path SHIPPED_CALENDARS = Path.of("..", "calendars");

    private final SubsidyEngine engine = new SubsidyEngine();
    private final List<PriorPurchase> history = new ArrayList<>();
    private final Policy policy;

    public PolicyTestSupport(String name) {
        this.policy = new PolicyLoader().withCalendars(CalendarLoader.loadDirectory(SHIPPED_CALENDARS)).load(TEST_POLICIES.resolve(name));
    }

    public Policy policy() {
        return policy;
    }

    /** Quotes a dine-in meal of {@code priceFen}; a granted one joins the history later quotes see. */
    public Quote quote(Elder elder, Canteen canteen, String time, String slot, long priceFen) {
        LocalDateTime t = LocalDateTime.parse(time);
        Purchase p = new Purchase(canteen, List.of(new PurchaseLine("meal", "套餐", priceFen, 1, true)), t, Channel.DINE_IN,
                slot.isEmpty() ? Optional.empty() : Optional.of(slot), Optional.empty());
        Quote q = engine.quote(policy, elder, p, List.copyOf(history));
        if (q.subsidyFen() > 0) {
            history.add(new PriorPurchase(t, slot, Channel.DINE_IN, q.subsidyFen(),
                    q.appliedRules().stream().map(AppliedRule::ruleId).collect(Collectors.toSet()), java.util.Set.of()));
        }
        return q;
    }

    /** "rule1+rule2", or "" when nothing was granted. */
    public static String rules(Quote q) {
        return q.appliedRules().stream().map(AppliedRule::ruleId).collect(Collectors.joining("+"));
    }

    public static Elder elder(String id, String regDistrict, String regTown, String resDistrict, String resTown) {
        return new Elder(id, "测试", LocalDate.of(1950, 6, 1), List.of(), regDistrict, regTown, List.of(), "1234", "5678",
                resDistrict, resTown);
    }
}
