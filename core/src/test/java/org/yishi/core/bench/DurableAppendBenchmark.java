package org.yishi.core.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.JournalWriter;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.policy.Channel;
import org.yishi.core.subsidy.FunderShare;

/**
 * A durable sale against the physical limit of the disk, in one JMH run and one directory
 * ({@code core/target/durable-append-bench/}, so the same file system and disk):
 *
 * <ul>
 * <li>{@code rawAppendFsync}: append one line of exactly a real SALE line's length (measured in setup from a record
 * the journal wrote) to a file opened as the journal opens its file (READ, WRITE, CREATE; positional write at the
 * end) and {@code force(false)}, as {@link JournalWriter} does — no JSON, no signature. What the disk allows.</li>
 * <li>{@code durableSale}: {@link JournalWriter#append} of a realistic SALE — canonical JSON, Ed25519 signature
 * (BouncyCastle), the ledger's checks, write, {@code force(false)}. What a till waits for before it acknowledges a
 * sale. Exactly one fsync per sale; no group commit.</li>
 * </ul>
 *
 * Both in {@code Mode.Throughput} (ops/ms: × 1,000 for ops/s) and {@code Mode.SampleTime} (percentiles, ms). The ratio durable / raw is
 * the share of the disk's fsync rate the journal keeps. Run: {@code scripts/bench.sh core DurableAppendBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
public class DurableAppendBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Path dir;
    private JournalWriter writer;
    private FileChannel raw;
    private ByteBuffer rawLine;
    private long rawSize;
    private long receipt;

    @Setup
    public void setUp() throws IOException {
        Path parent = Path.of("target", "durable-append-bench");
        Files.createDirectories(parent);
        dir = Files.createTempDirectory(parent, "run");
        writer = JournalWriter.open(dir.resolve("journal.log"), TillKeys.generate(), "BENCH-1", Clock.system(SHANGHAI));
        writer.append(new ShiftOpenPayload(1, "cashier", 0));
        SignedRecord real = writer.append(sale("R-" + receipt++));
        int lineBytes = (real.line() + "\n").getBytes(StandardCharsets.UTF_8).length;
        byte[] line = new byte[lineBytes];
        Arrays.fill(line, (byte) 'x');
        line[lineBytes - 1] = '\n';
        rawLine = ByteBuffer.wrap(line);
        raw = FileChannel.open(dir.resolve("raw.log"), StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        System.out.printf("%n(a SALE line is %d bytes with its newline; rawAppendFsync writes lines of that length; dir %s)%n",
                lineBytes, dir.toAbsolutePath());
    }

    @TearDown
    public void tearDown() throws IOException {
        writer.close();
        raw.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The disk's limit: one SALE-sized line appended and fdatasync'd, as the journal writes and forces it. */
    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
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

    /** A durable sale: sign + canonical JSON + checks + write + fsync, acknowledged on return. */
    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SignedRecord durableSale() {
        return writer.append(sale("R-" + receipt++));
    }

    /** A ¥12 Zengcheng lunch by card: government ¥11 in three shares, elder ¥1. */
    private static SalePayload sale(String receiptNo) {
        return SalePayload.builder().receiptNo(receiptNo).shiftNo(1).cashier("cashier").elderId("E1001")
                .identification(IdentificationMethod.CARD).cardUidLast4("7F3A").channel(Channel.DINE_IN).mealSlot("lunch")
                .item(SaleItem.of("M-LUNCH-A", "午餐A套餐", 1, 1200)).amounts(1200, 1100, 100)
                .funderShares(List.of(new FunderShare("city", 300), new FunderShare("district", 300), new FunderShare("town", 500)))
                .ruleIds(List.of("zc-dibao")).policy("gz-zengcheng", "2020.1").paymentMethod("cash").build();
    }
}
