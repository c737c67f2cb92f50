package org.yishi.till.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
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
 * <li>{@code rawAppendFsync}: the disk's limit, in the same run and the fresh till's directory: one line of a real
 * SALE line's length (measured in setup) appended to a plain file opened as the journal opens its file and
 * {@code force(false)}, as the journal forces it — no signature, no H2. {@code commitSale} / {@code rawAppendFsync}
 * is the share of the disk's fsync rate a durable till sale keeps.</li>
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
    private FileChannel raw;
    private ByteBuffer rawLine;
    private long rawSize;
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup(Level.Trial)
    public void open() throws Exception {
        freshDir = BenchData.benchDir().resolve("sales-" + System.nanoTime());
        fresh = TillStore.open(new TillDataDirectory(freshDir), "T-SALES", Clock.system(BenchData.SHANGHAI));
        freshShift = openShift(fresh.journal());
        SignedRecord real = fresh.journal().append(TestSales.lunch("B-" + System.nanoTime() + "-" + receipt++, "E1", freshShift));
        byte[] line = new byte[(real.line() + "\n").getBytes(StandardCharsets.UTF_8).length];
        Arrays.fill(line, (byte) 'x');
        line[line.length - 1] = '\n';
        rawLine = ByteBuffer.wrap(line);
        raw = FileChannel.open(freshDir.resolve("raw-append.log"), StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        System.out.printf("%n(a SALE line is %d bytes with its newline; rawAppendFsync appends lines of that length)%n", line.length);
        big = BenchData.tillWithRegistry();
        bigShift = big.journal().openShiftNo().isPresent() ? big.journal().openShiftNo().getAsLong() : openShift(big.journal());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        System.out.printf("%n(fresh till: %d records committed this trial)%n", fresh.journal().lastSeq());
        fresh.close();
        raw.close();
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

    /** One SALE-sized line appended and fdatasync'd as the journal does it: what the disk allows. */
    @Benchmark
    public long rawAppendFsync() {
        try {
            ByteBuffer buf = rawLine.duplicate();
            long position = rawSize;
            while (buf.hasRemaining()) {
                position += raw.write(buf, position);
            }
            raw.force(false);
            rawSize = position;
            return position;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
