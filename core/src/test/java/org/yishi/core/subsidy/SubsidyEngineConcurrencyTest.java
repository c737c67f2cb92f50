package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyFixtures;

/** One engine instance serves every till thread: it must hold no per-quote state between calls. */
class SubsidyEngineConcurrencyTest {

    @Test
    void oneEngineGivesEveryThreadTheSameAnswers() throws Exception {
        SubsidyEngine engine = new SubsidyEngine();
        Policy policy = PolicyFixtures.guangzhouZengchengStacked();
        List<Elder> elders = List.of(
                ElderBuilder.elder("A").agedOn(85, QuoteFixtures.MONDAY).categories("disabled:1").build(),
                ElderBuilder.elder("B").agedOn(70, QuoteFixtures.MONDAY).categories("minimum_living").build(),
                ElderBuilder.elder("C").agedOn(65, QuoteFixtures.MONDAY).registered(PolicyFixtures.TIANHE, PolicyFixtures.TIANHE_SHIPAI).build());
        List<Purchase> purchases = List.of(
                PurchaseBuilder.at("2024-05-06T11:30").lunch().meal(1500).build(),
                PurchaseBuilder.at("2024-05-06T17:30").dinner().meal(900).canteen(QuoteFixtures.XINTANG_CANTEEN).build(),
                PurchaseBuilder.at("2024-05-07T12:00").lunch().meal(1200).delivery().build());
        List<PriorPurchase> history = List.of(
                new PriorPurchase(LocalDateTime.parse("2024-05-06T11:00"), "lunch", Channel.DINE_IN, 200,
                        Set.of("zc-disabled-topup"), Set.of()));
        List<Quote> expected = new ArrayList<>();
        for (Elder e : elders) {
            for (Purchase p : purchases) {
                expected.add(engine.quote(policy, e, p, history));
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Quote>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<List<Quote>> job = () -> {
                    List<Quote> last = null;
                    for (int round = 0; round < 500; round++) {
                        List<Quote> quotes = new ArrayList<>();
                        for (Elder e : elders) {
                            for (Purchase p : purchases) {
                                quotes.add(engine.quote(policy, e, p, history));
                            }
                        }
                        if (last != null && !last.equals(quotes)) {
                            return quotes;
                        }
                        last = quotes;
                    }
                    return last;
                };
                results.add(pool.submit(job));
            }
            for (Future<List<Quote>> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
