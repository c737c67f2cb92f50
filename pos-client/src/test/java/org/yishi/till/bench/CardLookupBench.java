package org.yishi.till.bench;

import java.util.Optional;
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
import org.yishi.core.elder.Elder;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.registry.IdentifiedElder;
import org.yishi.till.store.registry.RegistryCache;

/**
 * Card tap to elder: {@link RegistryCache#findElderByCardUid} on a till cache of two million elders and cards.
 * Target: p99 under 1 ms. Random elders, so the lookups are spread over the whole 2M-row index, not a warm corner.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class CardLookupBench {

    private TillStore store;
    private RegistryCache registry;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup(Level.Trial)
    public void open() throws Exception {
        store = BenchData.tillWithRegistry();
        registry = store.registry();
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public Optional<IdentifiedElder> lookupByCardUid() {
        long n = 1 + random.nextLong(BenchData.ELDERS);
        Optional<IdentifiedElder> found = registry.findElderByCardUid(BenchData.uidOf(n));
        if (found.isEmpty()) {
            throw new IllegalStateException("bench card of elder " + n + " not found");
        }
        return found;
    }

    /** A card the registry does not know (a foreign card on the reader): must be as fast. */
    @Benchmark
    public Optional<IdentifiedElder> lookupUnknownCard() {
        return registry.findElderByCardUid("FF" + String.format("%012d", random.nextLong(1_000_000_000_000L)));
    }

    /** Manual identification: name + last four digits. */
    @Benchmark
    public java.util.List<Elder> searchByNameAndLastDigits() {
        long n = 1 + random.nextLong(BenchData.ELDERS);
        return registry.searchByName("长者" + n, String.format("%04d", n % 10000));
    }
}
