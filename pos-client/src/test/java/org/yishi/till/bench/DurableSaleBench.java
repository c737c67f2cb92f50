package org.yishi.till.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.subsidy.PriorPurchase;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.ledger.TillJournal;
import org.yishi.till.store.registry.IdentifiedElder;
import org.yishi.till.store.testing.TestSales;

/**
 * Durable sales: each commit is a signed journal line fsynced to disk, then the mirror row and the sales-index row
 * committed in H2 — acknowledged only after both. One thread, as at a counter. Target: at least 200 sales/s.
 *
 * <ul>
 * <li>{@code commitSale}: the commit alone, on a fresh till.</li>
 * <li>{@code checkout}: what the till does per elder besides the subsidy engine and the UI: card lookup in the
 * two-million-elder cache, the elder's prior purchases this month for the limits, and the commit.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class DurableSaleBench {

    private TillStore fresh;
    private Path freshDir;
    private TillStore big;
    private long freshShift;
    private long bigShift;
    private long receipt;
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup(Level.Trial)
    public void open() throws Exception {
        freshDir = BenchData.benchDir().resolve("sales-" + System.nanoTime());
        fresh = TillStore.open(new TillDataDirectory(freshDir), "T-SALES", Clock.system(BenchData.SHANGHAI));
        freshShift = openShift(fresh.journal());
        big = BenchData.tillWithRegistry();
        bigShift = big.journal().openShiftNo().isPresent() ? big.journal().openShiftNo().getAsLong() : openShift(big.journal());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        System.out.printf("%n(fresh till: %d records committed this trial)%n", fresh.journal().lastSeq());
        fresh.close();
        big.close();
        try (Stream<Path> files = Files.walk(freshDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long openShift(TillJournal journal) {
        long shiftNo = journal.lastSeq() + 1;
        journal.append(new ShiftOpenPayload(shiftNo, "C01", 0));
        return shiftNo;
    }

    @Benchmark
    public SignedRecord commitSale() {
        return fresh.journal().append(TestSales.lunch("B-" + System.nanoTime() + "-" + receipt++, "E" + random.nextInt(5000), freshShift));
    }

    @Benchmark
    public SignedRecord checkout() {
        long n = 1 + random.nextLong(BenchData.ELDERS);
        IdentifiedElder elder = big.registry().findElderByCardUid(BenchData.uidOf(n)).orElseThrow();
        LocalDateTime now = LocalDateTime.now(BenchData.SHANGHAI);
        List<PriorPurchase> prior = big.sales().priorPurchases(elder.elder().id(), now.withDayOfMonth(1).toLocalDate().atStartOfDay(), now.plusDays(1));
        if (prior.size() > 1_000) {
            throw new IllegalStateException("implausible history");
        }
        return big.journal().append(TestSales.lunch("K-" + System.nanoTime() + "-" + receipt++, elder.elder().id(), bigShift));
    }
}
