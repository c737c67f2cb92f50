package org.yishi.till.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.journal.VerificationReport;
import org.yishi.till.checkout.ReversalResult;
import org.yishi.till.checkout.Till;
import org.yishi.till.config.ConfiguredTill;
import org.yishi.till.config.TillConfigMapping;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.staff.ApprovalResult;

/**
 * Issue 10's numbers on a till that has traded for years ({@code yishi till simulate}): the till opened to its login
 * state, the heap after the open, the journal verified, and void, refund and reprint of the oldest and the newest
 * sales. An instrumented run, not part of the test run (docs/benchmarks.md):
 *
 * <pre>scripts/long-lived-till.sh /path/to/simulated/dir</pre>
 *
 * It works on a copy of the till (reversals change it) next to the original.
 */
public final class LongLivedTillSpeed {

    private static final int SAMPLES = 500;

    private LongLivedTillSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path original = Path.of(args[0]).toAbsolutePath();
        Path copy = original.resolveSibling(original.getFileName() + "-bench");
        deleteTree(copy);
        copyTree(original, copy);
        Path journal = copy.resolve("till/journal/journal-GZ-ZC-C01-T1.jsonl");
        List<SignedRecord> records = JournalReader.readAll(journal);
        List<Long> sales = records.stream().filter(r -> r.type() == RecordType.SALE).map(SignedRecord::seq).toList();
        System.out.printf("till %s: %,d records, %,d sales, journal %,d bytes%n", copy, records.size(), sales.size(), Files.size(journal));
        records = null; // the measurements below must not count this list in the heap

        ConfiguredTill configured = new TillConfigMapping().load(copy.resolve("till.yaml"));
        for (int round = 1; round <= 2; round++) { // the second open is the one measured: a till's files are in the page cache
            System.gc();
            long t0 = System.nanoTime();
            try (Till till = configured.open(Clock.systemUTC())) {
                long openMillis = (System.nanoTime() - t0) / 1_000_000;
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf("open %d: till open to the login screen %,d ms, heap after open %,d MB%n", round, openMillis, heap >> 20);
                if (round == 2) {
                    reversals(till, sales);
                }
            }
        }

        long v0 = System.nanoTime();
        VerificationReport report = JournalVerifier.builder().trustKey(TillKeys.load(copy.resolve("till/keys/till-ed25519.key")).publicKey())
                .build().verify(journal);
        double seconds = (System.nanoTime() - v0) / 1e9;
        System.out.printf("journal verify: %s, %,d records in %.1f s = %,.0f records/s on %d cores%n", report.ok() ? "OK" : "FAILED",
                report.recordsVerified(), seconds, report.recordsVerified() / seconds, Runtime.getRuntime().availableProcessors());
    }

    private static void reversals(Till till, List<Long> sales) {
        if (!(till.staff().login("1001", "1234".toCharArray()) instanceof org.yishi.till.staff.LoginResult.Ok)) {
            throw new IllegalStateException("cannot log in");
        }
        till.shifts().open(0);
        List<Long> oldest = sales.subList(0, SAMPLES);
        List<Long> newest = sales.subList(sales.size() - SAMPLES, sales.size());
        // Warm the JIT on sales from the middle of the journal first, then take oldest and newest in turns, so that
        // warm-up and background noise (GC, H2's writer, other processes) fall on both alike.
        List<Long> middle = sales.subList(sales.size() / 2, sales.size() / 2 + SAMPLES);
        middle.forEach(seq -> till.counter().reprint(seq, "warm-up"));
        timeInTurns("reprint", oldest, newest, seq -> till.counter().reprint(seq, "bench"));
        timeInTurns("refund", oldest, newest, seq -> refund(till, seq));
        // Only this shift's sales may be voided: the oldest are refused (after the look-up), this shift's are voided.
        time("void oldest (refused: another shift)", oldest, seq -> till.counter().voidSale(seq, approval(till, ApprovalAction.VOID), "bench"));
        List<Long> fresh = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            var bill = (org.yishi.till.checkout.CheckoutStep.Ready) till.counter().walkIn();
            var sold = (org.yishi.till.checkout.ConfirmOutcome.Sold) till.counter().confirm(bill, new org.yishi.till.checkout.Payment.Cash(10_000));
            fresh.add(sold.sale().seq());
        }
        time("void newest (this shift)", fresh, seq -> till.counter().voidSale(seq, approval(till, ApprovalAction.VOID), "bench"));
    }

    private static ReversalResult refund(Till till, long seq) {
        return till.counter().refund(DemoReceipts.number(seq), approval(till, ApprovalAction.REFUND), "bench");
    }

    private static Approval approval(Till till, ApprovalAction action) {
        ApprovalResult r = till.staff().approve("2001", "9999".toCharArray(), action, "bench");
        return ((ApprovalResult.Approved) r).approval();
    }

    /** Times {@code action} on the oldest and the newest sales alternately, and reports each. */
    private static void timeInTurns(String what, List<Long> oldest, List<Long> newest, LongFunction<Object> action) {
        long[] old = new long[oldest.size()];
        long[] young = new long[newest.size()];
        for (int i = 0; i < oldest.size(); i++) {
            old[i] = micros(action, oldest.get(i));
            young[i] = micros(action, newest.get(i));
        }
        report(what + " oldest", old);
        report(what + " newest", young);
    }

    private static long micros(LongFunction<Object> action, long seq) {
        long t0 = System.nanoTime();
        action.apply(seq);
        return (System.nanoTime() - t0) / 1_000;
    }

    /** Times {@code action} once per sample; the supervisor's approval (a bcrypt PIN check) is part of it, as at the counter. */
    private static void time(String what, List<Long> seqs, LongFunction<Object> action) {
        long[] micros = new long[seqs.size()];
        for (int i = 0; i < seqs.size(); i++) {
            micros[i] = micros(action, seqs.get(i));
        }
        report(what, micros);
    }

    private static void report(String what, long[] micros) {
        Arrays.sort(micros);
        System.out.printf("%-40s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d)%n", what, micros[micros.length / 2] / 1000.0,
                micros[(int) Math.ceil(micros.length * 0.99) - 1] / 1000.0, micros[micros.length - 1] / 1000.0, micros.length);
    }

    /** Receipt numbers are the till id and the sale's seq (CheckoutCounter). */
    private static final class DemoReceipts {
        static String number(long seq) {
            return org.yishi.till.demo.DemoTillData.TILL_ID + "-" + String.format("%06d", seq);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
