package org.yishi.core.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
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
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.JournalWriter;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.journal.VerificationReport;
import org.yishi.core.policy.Channel;
import org.yishi.core.subsidy.FunderShare;

/**
 * Verifying a 1,000-record journal as {@code yishi journal verify} does. (A durable append against the disk's raw
 * append+fsync rate is {@link DurableAppendBenchmark}.)
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
public class JournalVerifyBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Path dir;
    private Path verified;

    @Setup
    public void setUp() throws IOException {
        Files.createDirectories(Path.of("target"));
        dir = Files.createTempDirectory(Path.of("target"), "journal-bench");
        verified = dir.resolve("verified.log");
        try (JournalWriter w = JournalWriter.open(verified, TillKeys.generate(), "BENCH-2", Clock.system(SHANGHAI))) {
            w.append(new ShiftOpenPayload(1, "cashier", 0));
            while (w.lastSeq() < 1000) {
                w.append(sale("V-" + w.lastSeq()));
            }
        }
        if (!JournalVerifier.trustOnFirstUse().verify(verified).ok()) {
            throw new IllegalStateException("the journal to verify does not verify");
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Chain, signatures, sequence, references and totals of 1,000 records. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public VerificationReport verifyAThousandRecords() {
        VerificationReport report = JournalVerifier.trustOnFirstUse().verify(verified);
        if (!report.ok()) {
            throw new UncheckedIOException(new IOException("journal stopped verifying: " + report.summary()));
        }
        return report;
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
