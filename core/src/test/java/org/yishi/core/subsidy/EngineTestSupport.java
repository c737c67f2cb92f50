package org.yishi.core.subsidy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.Policy;

/** Small helpers the engine tests share; the engine itself is the real one. */
abstract class EngineTestSupport {

    protected final SubsidyEngine engine = new SubsidyEngine();

    protected Elder anElder() {
        return ElderBuilder.elder("E1").build();
    }

    protected Quote quote(Policy policy, Elder elder, PurchaseBuilder purchase, PriorPurchase... history) {
        return engine.quote(policy, elder, purchase.build(), List.of(history));
    }

    protected Quote quote(Policy policy, PurchaseBuilder purchase, PriorPurchase... history) {
        return quote(policy, anElder(), purchase, history);
    }

    /** A lunch at 11:30 on {@code day} (ISO date) with one eligible meal. */
    protected static PurchaseBuilder lunch(String day, long mealFen) {
        return PurchaseBuilder.at(day + "T11:30").lunch().meal(mealFen);
    }

    protected static PurchaseBuilder dinner(String day, long mealFen) {
        return PurchaseBuilder.at(day + "T17:30").dinner().meal(mealFen);
    }

    /** A history entry: a dine-in purchase at {@code time} in {@code slot}, subsidised {@code fen} by {@code rules}. */
    protected static PriorPurchase prior(String time, String slot, long fen, String... rules) {
        return new PriorPurchase(LocalDateTime.parse(time), slot, Channel.DINE_IN, fen, Set.of(rules), Set.of());
    }

    protected static PriorPurchase priorWithProvider(String time, String slot, long fen, Set<String> rules, String... providerRules) {
        return new PriorPurchase(LocalDateTime.parse(time), slot, Channel.DINE_IN, fen, rules, Set.of(providerRules));
    }
}
