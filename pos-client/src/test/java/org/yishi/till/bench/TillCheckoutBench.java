package org.yishi.till.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.till.checkout.CheckoutStep;
import org.yishi.till.checkout.Payment;
import org.yishi.till.checkout.ConfirmOutcome;
import org.yishi.till.checkout.Till;

/**
 * The till's checkout path without its screens, on a registry of {@link BenchData#ELDERS} elders: a card tap to a
 * quote ({@code identify}: card lookup, the month's purchases, the engine), and a tap to a sale made and its receipt
 * handed to the print queue ({@code identifyAndSell}: plus the journal line fsynced, the H2 mirror and index, the
 * receipt laid out and encoded). Receipts go to the on-screen printer, so no printer time is in it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class TillCheckoutBench {

    private Till till;
    private final SplittableRandom random = new SplittableRandom(11);

    @Setup(Level.Trial)
    public void open() throws Exception {
        till = BenchData.checkoutTill();
        till.staff().login("1001", "1234".toCharArray());
        if (till.shifts().openShiftNo().isEmpty()) {
            till.shifts().open(0);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        till.close();
    }

    private CheckoutStep tap() {
        long n = 1 + random.nextLong(BenchData.ELDERS);
        return till.counter().identify(new IdentificationEvent.CardTapped(till.clock().instant(), "bench", BenchData.uidOf(n)));
    }

    @Benchmark
    public CheckoutStep identify() {
        return tap();
    }

    @Benchmark
    public ConfirmOutcome identifyAndSell() {
        CheckoutStep.Ready ready = (CheckoutStep.Ready) tap();
        return till.counter().confirm(ready, new Payment.Cash(ready.quote().copayFen()));
    }
}
