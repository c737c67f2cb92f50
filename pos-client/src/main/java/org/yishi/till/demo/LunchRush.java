package org.yishi.till.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.Totals;
import org.yishi.core.journal.VerificationReport;
import org.yishi.core.time.ManualClock;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.checkout.CheckoutDesk;
import org.yishi.till.checkout.CheckoutStep;
import org.yishi.till.checkout.ConfirmOutcome;
import org.yishi.till.checkout.DemoTill;
import org.yishi.till.checkout.Payment;
import org.yishi.till.checkout.Till;
import org.yishi.till.shift.CashCount;
import org.yishi.till.shift.ShiftCloseResult;
import org.yishi.config.demo.DemoStaff;
import org.yishi.till.staff.LoginResult;
import org.yishi.core.journal.KeyHistory;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStoreOpenReport;
import org.yishi.till.store.registry.ImportReport;

/**
 * The headless demo: one till at a Zengcheng canteen through one lunchtime, sold exactly as the window sells — the
 * demo till opened on the demo registry and the shipped Zengcheng policy, the demo cashier logged in with his PIN, a
 * shift opened, every customer's card tapped at the desk (a lost card and a deceased elder's card are refused and the
 * refusal journalled, as at the counter), each bill confirmed in cash, a shift close with the cash counted, and the
 * journal verified against the till's key. Run again, it continues the same till on the next working day.
 */
public final class LunchRush {

    public static final String TILL_ID = DemoTillData.TILL_ID;
    private static final ZoneId ZONE = DemoTill.ZONE;
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);
    private static final long OPENING_FLOAT_FEN = 50_000;

    /**
     * @param dir         demo directory (registry/ and till/ under it)
     * @param policiesDir where the policy files are
     * @param elders      demo registry size (used when the registry is first generated)
     * @param regulars    how many regular customers queue
     */
    public record Options(Path dir, Path policiesDir, int elders, int regulars) {
    }

    /**
     * One customer as the cashier saw it: a sale ({@code seq} of the SALE) or a refusal ({@code refusal} is its code,
     * {@code seq} empty).
     *
     * @param note what the cashier was told besides the amounts: why no subsidy, or why no sale
     */
    public record SaleLine(Optional<Long> seq, LocalTime time, String customer, String maskedName, int age, String tier,
            long priceFen, long subsidyFen, long copayFen, Optional<String> refusal, OptionalInt mealsLeftToday, String note) {
    }

    /** What the demo did. */
    public record Outcome(LocalDate day, TillStoreOpenReport openReport, List<ImportReport> imports, long shiftNo,
            List<SaleLine> sales, Totals shiftTotals, Path journalFile, VerificationReport verification) {
    }

    private final String language;

    /** @param language the till's language (messages in the notes): {@code en} or Chinese */
    public LunchRush(String language) {
        this.language = language == null ? "zh" : language;
    }

    public Outcome run(Options options, Consumer<SaleLine> progress) {
        Path registry = options.dir().resolve("registry");
        DemoTillData.ensureRegistry(registry, options.elders());
        TillDataDirectory data = new TillDataDirectory(options.dir().resolve("till"));
        Path journalFile = data.journalFile(TILL_ID);
        LocalDate day = nextWorkingDay(journalFile);
        ManualClock clock = new ManualClock(day.atTime(10, 40).atZone(ZONE).toInstant(), ZONE);
        SplittableRandom random = new SplittableRandom(day.toEpochDay());
        List<ImportReport> imported = new ArrayList<>();
        try (Till till = DemoTill.open(options.dir(), options.policiesDir(), clock, language, PrinterTarget.parse("screen:"), imported::addAll)) {
            DemoStaff.Member cashier = DemoStaff.MEMBERS.get(0);
            if (!(till.staff().login(cashier.staffNo(), cashier.demoPin().toCharArray()) instanceof LoginResult.Ok)) {
                throw new IllegalStateException("the demo cashier " + cashier.staffNo() + " cannot log in");
            }
            long shiftNo = till.shifts().openShiftNo().orElseGet(() -> till.shifts().open(OPENING_FLOAT_FEN));
            CheckoutDesk desk = till.desk();
            List<SaleLine> lines = new ArrayList<>();
            int served = 0;
            for (DemoQueue.Customer customer : DemoQueue.build(registry, till.canteen(), options.regulars())) {
                clock.advance(Duration.ofSeconds(25 + random.nextInt(60)));
                CheckoutStep step = customer.walkIn() ? desk.walkIn()
                        : desk.identify(new IdentificationEvent.CardTapped(clock.instant(), "demo", customer.cardUid(), null));
                SaleLine line = serve(till, desk, step, customer);
                lines.add(line);
                progress.accept(line);
                if (line.seq().isPresent() && ++served % 4 == 0 && !customer.walkIn()) {
                    till.counter().rate(line.seq().get(), served % 8 == 0 ? 2 : 3);
                }
            }
            clock.advance(Duration.ofMinutes(30));
            long expectedCash = till.shifts().preview(CashCount.empty()).expectedCashFen();
            ShiftCloseResult closed = till.closeShift(CashCount.ofTotal(expectedCash, till.shifts().settings().denominationsFen()),
                    Optional.empty());
            VerificationReport verification = JournalVerifier.builder()
                    .trustKey(KeyHistory.read(data.keyHistoryFile()).first()) // the till's first key: rotations follow the chain
                    .expectTill(TILL_ID)
                    .build()
                    .verify(journalFile);
            Totals totals = closed.summary().shiftTotals();
            return new Outcome(day, till.openReport(), imported, shiftNo, lines, totals, journalFile, verification);
        }
    }

    /** Takes the customer's bill in cash, or tells what was refused: the window's path, without the window. */
    private static SaleLine serve(Till till, CheckoutDesk desk, CheckoutStep step, DemoQueue.Customer customer) {
        LocalTime now = LocalTime.now(till.clock());
        if (step instanceof CheckoutStep.Refused refused) {
            return new SaleLine(Optional.empty(), now, customer.why(), refused.elder().map(e -> e.maskedName()).orElse(""),
                    refused.elder().map(e -> e.age()).orElse(0), "", 0, 0, 0, Optional.of(refused.code()), OptionalInt.empty(),
                    refused.message());
        }
        CheckoutStep.Ready bill = (CheckoutStep.Ready) step;
        ConfirmOutcome outcome = desk.confirm(new Payment.Cash(bill.quote().copayFen())).outcome();
        if (!(outcome instanceof ConfirmOutcome.Sold sold)) {
            throw new IllegalStateException("the demo's sale to " + customer.why() + " was not made: " + outcome);
        }
        var quote = bill.quote();
        String tier = quote.appliedRules().isEmpty() ? "" : quote.appliedRules().get(0).ruleName();
        Optional<String> refusal = quote.refusal().map(r -> r.reason().name().toLowerCase(java.util.Locale.ROOT));
        return new SaleLine(Optional.of(sold.sale().seq()), now, customer.why(), bill.elder().map(e -> e.maskedName()).orElse(""),
                bill.elder().map(e -> e.age()).orElse(0), tier, quote.priceFen(), quote.subsidyFen(), quote.copayFen(), refusal,
                quote.mealsLeftToday(), refusal.map(till.messages()::refusal).orElse(""));
    }

    /** The day after the journal's last record, skipping weekends; the first demo day for a new till. */
    private static LocalDate nextWorkingDay(Path journal) {
        if (!Files.isRegularFile(journal)) {
            return FIRST_DAY;
        }
        List<SignedRecord> records = JournalReader.readAll(journal);
        if (records.isEmpty() || records.stream().noneMatch(r -> r.type() == RecordType.SHIFT_OPEN)) {
            return FIRST_DAY;
        }
        LocalDate d = records.get(records.size() - 1).time().atZoneSameInstant(ZONE).toLocalDate().plusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d.isBefore(FIRST_DAY) ? FIRST_DAY : d;
    }
}
