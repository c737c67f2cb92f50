package org.yishi.core.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyFixtures;
import org.yishi.core.subsidy.ElderBuilder;
import org.yishi.core.subsidy.PriorPurchase;
import org.yishi.core.subsidy.Purchase;
import org.yishi.core.subsidy.PurchaseBuilder;
import org.yishi.core.subsidy.Quote;
import org.yishi.core.subsidy.QuoteFixtures;
import org.yishi.core.subsidy.SubsidyEngine;

/**
 * One quote at the counter: the Guangzhou + Zengcheng stacked policy (5 rules in 3 groups, 3 limits, 2
 * provider subsidies) for an elder with a month of history (lunch and dinner every day of May), quoted on
 * the evening of 31 May so every window holds history. Target: p99 under 50 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
public class QuoteBenchmark {

    private final SubsidyEngine engine = new SubsidyEngine();
    private Policy policy;
    private Elder stacking;
    private Purchase dinner;
    private Purchase secondDinner;
    private List<PriorPurchase> month;
    private List<PriorPurchase> monthWithThisDinner;

    @Setup
    public void setUp() {
        policy = PolicyFixtures.guangzhouZengchengStacked();
        stacking = ElderBuilder.elder("E").agedOn(85, QuoteFixtures.MONDAY).categories("disabled:1").build();
        dinner = PurchaseBuilder.at("2024-05-31T17:30").dinner().meal(1500).extra(300).build();
        secondDinner = PurchaseBuilder.at("2024-05-31T18:30").dinner().meal(1500).build();
        month = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 5, 1); d.isBefore(LocalDate.of(2024, 5, 31)); d = d.plusDays(1)) {
            month.add(new PriorPurchase(d.atTime(11, 45), "lunch", Channel.DINE_IN, 1100,
                    Set.of("gz-quarter", "zc-80", "zc-disabled-topup"), Set.of("op-meal")));
            month.add(new PriorPurchase(d.atTime(17, 45), "dinner", Channel.DINE_IN, 900, Set.of("gz-quarter", "zc-80"),
                    Set.of("op-meal")));
        }
        month.add(new PriorPurchase(LocalDate.of(2024, 5, 31).atTime(11, 45), "lunch", Channel.DINE_IN, 1100,
                Set.of("gz-quarter", "zc-80"), Set.of("op-meal")));
        month = List.copyOf(month);
        List<PriorPurchase> withDinner = new ArrayList<>(month);
        withDinner.add(new PriorPurchase(dinner.time(), "dinner", Channel.DINE_IN, 900, Set.of("gz-quarter"), Set.of()));
        monthWithThisDinner = List.copyOf(withDinner);
        if (!engine.quote(policy, stacking, dinner, month).subsidised()
                || engine.quote(policy, stacking, secondDinner, monthWithThisDinner).subsidised()) {
            throw new IllegalStateException("benchmark scenarios are not what they claim to be");
        }
    }

    /** The usual case: three groups stack, limits counted over 61 history entries. */
    @Benchmark
    public Quote stackedQuoteWithAMonthOfHistory() {
        return engine.quote(policy, stacking, dinner, month);
    }

    /** The refusal path: the slot's meal is used up, with the explanation built. */
    @Benchmark
    public Quote limitReachedWithAMonthOfHistory() {
        return engine.quote(policy, stacking, secondDinner, monthWithThisDinner);
    }
}
