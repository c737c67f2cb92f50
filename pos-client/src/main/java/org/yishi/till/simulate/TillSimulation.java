package org.yishi.till.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.config.demo.DemoStaff;
import org.yishi.config.registry.ElderRecord;
import org.yishi.config.registry.PinHasher;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.ElderState;
import org.yishi.core.time.ManualClock;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.checkout.CheckoutDesk;
import org.yishi.till.checkout.CheckoutStep;
import org.yishi.till.checkout.ConfirmOutcome;
import org.yishi.till.checkout.Payment;
import org.yishi.till.checkout.ReversalResult;
import org.yishi.till.checkout.Till;
import org.yishi.till.checkout.TillSetup;
import org.yishi.till.config.TillInstaller;
import org.yishi.till.demo.DemoTillData;
import org.yishi.till.shift.CashCount;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.staff.ApprovalResult;
import org.yishi.till.staff.LoginResult;
import org.yishi.till.staff.StaffSettings;

/**
 * A till that has worked for years, made in minutes for benchmarks and checks: day after day a cashier logs in with
 * her PIN, opens a shift, sells lunches and dinners to regulars (and some walk-ins) by card through the same desk,
 * counter, store and journal as the window — one fsync per record, as at the counter — voids and reprints a few,
 * refunds an older sale now and then, counts the cash and closes the shift; the registry is imported again every
 * month. The result is an ordinary till: {@code DIR/till.yaml} opens it ({@code yishi till --config}), and
 * {@code yishi journal verify DIR/till} checks it.
 *
 * <p>The simulated staff's PIN hashes use bcrypt cost {@value #SIMULATED_PIN_COST} instead of the till's
 * {@link PinHasher#DEFAULT_COST}, so years of logins and approvals do not take hours; the PINs are the demo's.
 */
public final class TillSimulation {

    /** bcrypt cost of the simulated staff list: about 1 ms a check instead of about 60. Never for a real till. */
    public static final int SIMULATED_PIN_COST = 4;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int REGULARS = 600;
    private static final int REGISTRY_REIMPORT_DAYS = 30;

    /**
     * @param dir         where to write: registry/, till/ (the data directory) and till.yaml
     * @param policiesDir the shipped policy files
     * @param days        days of trade, ending yesterday
     * @param mealsPerDay meals sold a day (60 % at lunch, 40 % at dinner)
     * @param seed        the random choices (who comes, what is voided ...)
     */
    public record Options(Path dir, Path policiesDir, int days, int mealsPerDay, long seed) {
        public Options {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(policiesDir, "policiesDir");
            if (days < 1 || days > 20 * 366) {
                throw new IllegalArgumentException("days must be 1-" + 20 * 366 + ", found " + days);
            }
            if (mealsPerDay < 1 || mealsPerDay > 5_000) {
                throw new IllegalArgumentException("meals per day must be 1-5000, found " + mealsPerDay);
            }
        }
    }

    /** What was written. */
    public record Report(Path config, Path dataDir, LocalDate firstDay, LocalDate lastDay, long records, long sales,
            long voids, long refunds, long reprints, long ratings, long refusals, Duration elapsed) {
    }

    /** One simulated day, as it ends. */
    public record Day(LocalDate day, long records) {
    }

    private final Options options;
    private final SplittableRandom random;
    private long sales;
    private long voids;
    private long refunds;
    private long reprints;
    private long ratings;
    private long refusals;

    public TillSimulation(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.random = new SplittableRandom(options.seed());
    }

    /**
     * Writes the till; refuses a directory that already holds one (a simulation never continues a real till).
     *
     * @throws IllegalStateException if {@code dir/till} exists already
     */
    public Report run(Consumer<Day> progress) {
        Instant started = Instant.now();
        Path dir = options.dir();
        Path dataDir = dir.resolve("till");
        if (Files.exists(dataDir)) {
            throw new IllegalStateException(dataDir + " exists already: simulate into a new directory");
        }
        Path registry = dir.resolve("registry");
        DemoTillData.ensureRegistry(registry, 2_000);
        Path staffCsv = registry.resolve("staff.csv");
        DemoStaff.writeCsv(staffCsv, new PinHasher(SIMULATED_PIN_COST));
        List<String> regulars = regularCards(registry);
        LocalDate first = LocalDate.now(ZONE).minusDays(options.days());
        ManualClock clock = new ManualClock(first.atTime(9, 0).atZone(ZONE).toInstant(), ZONE);
        TillSetup setup = new TillSetup(dataDir, DemoTillData.TILL_ID, DemoTillData.CANTEEN_ID, "guangzhou-zengcheng", ZONE,
                new PrinterTarget.Screen(), 80, Map.of(), "zh");
        TillInstaller.install(setup, registry, options.policiesDir().resolve(DemoTillData.POLICY_ID_FILE), clock);
        Path config = writeConfig(dir);
        List<String> receipts = new ArrayList<>();
        long records;
        try (Till till = Till.open(setup, StaffSettings.defaults(), clock)) {
            for (int d = 0; d < options.days(); d++) {
                LocalDate day = first.plusDays(d);
                if (d > 0 && d % REGISTRY_REIMPORT_DAYS == 0) {
                    clock.set(day.atTime(9, 0).atZone(ZONE).toInstant());
                    till.importRegistry(registry, "monthly " + day);
                }
                trade(till, clock, day, regulars, receipts);
                progress.accept(new Day(day, till.status().lastSeq()));
            }
            records = till.status().lastSeq();
        }
        return new Report(config, dataDir, first, first.plusDays(options.days() - 1L), records, sales, voids, refunds,
                reprints, ratings, refusals, Duration.between(started, Instant.now()));
    }

    private void trade(Till till, ManualClock clock, LocalDate day, List<String> regulars, List<String> receipts) {
        clock.set(day.atTime(10, 0).atZone(ZONE).toInstant());
        DemoStaff.Member cashier = DemoStaff.MEMBERS.get(0);
        if (!(till.staff().login(cashier.staffNo(), cashier.demoPin().toCharArray()) instanceof LoginResult.Ok)) {
            throw new IllegalStateException("the simulated cashier cannot log in on " + day);
        }
        till.shifts().open(50_000);
        int lunches = (int) Math.round(options.mealsPerDay() * 0.6);
        sellBetween(till, clock, day, LocalTime.of(10, 30), LocalTime.of(13, 29), lunches, regulars, receipts);
        sellBetween(till, clock, day, LocalTime.of(16, 30), LocalTime.of(19, 29), options.mealsPerDay() - lunches, regulars, receipts);
        clock.set(day.atTime(19, 45).atZone(ZONE).toInstant());
        long expected = till.shifts().preview(CashCount.empty()).expectedCashFen();
        till.closeShift(CashCount.ofTotal(expected, till.shifts().settings().denominationsFen()), Optional.empty());
        till.staff().logout();
    }

    private void sellBetween(Till till, ManualClock clock, LocalDate day, LocalTime from, LocalTime to, int meals,
            List<String> regulars, List<String> receipts) {
        if (meals == 0) {
            return;
        }
        long windowMillis = Duration.between(from, to).toMillis();
        CheckoutDesk desk = till.desk();
        for (int i = 0; i < meals; i++) {
            clock.set(day.atTime(from).atZone(ZONE).toInstant().plusMillis(windowMillis * i / meals));
            CheckoutStep step = random.nextInt(100) < 5 ? desk.walkIn()
                    : desk.identify(new IdentificationEvent.CardTapped(clock.instant(), "simulation",
                            regulars.get(random.nextInt(regulars.size())), null));
            if (!(step instanceof CheckoutStep.Ready bill)) {
                refusals++;
                continue;
            }
            ConfirmOutcome outcome = desk.confirm(new Payment.Cash(bill.quote().copayFen())).outcome();
            if (!(outcome instanceof ConfirmOutcome.Sold sold)) {
                throw new IllegalStateException("a simulated sale on " + day + " was not made: " + outcome);
            }
            sales++;
            long seq = sold.sale().seq();
            receipts.add(sold.sale().receiptNo());
            int roll = random.nextInt(1000);
            if (roll < 10) {
                reverse(till, ApprovalAction.VOID, sold.sale().receiptNo(), seq);
            } else if (roll < 13 && receipts.size() > 1) {
                reverse(till, ApprovalAction.REFUND, receipts.get(random.nextInt(receipts.size() - 1)), 0);
            } else if (roll < 23) {
                till.counter().reprint(seq, "paper jam");
                reprints++;
            }
            if (roll >= 10 && random.nextInt(4) == 0) {
                till.counter().rate(seq, 1 + random.nextInt(3));
                ratings++;
            }
        }
    }

    /** A supervisor voids the sale just made, or refunds an earlier one (refused if it was reversed already). */
    private void reverse(Till till, ApprovalAction action, String receipt, long seq) {
        DemoStaff.Member supervisor = DemoStaff.MEMBERS.get(1);
        ApprovalResult approval = till.staff().approve(supervisor.staffNo(), supervisor.demoPin().toCharArray(), action, receipt);
        if (!(approval instanceof ApprovalResult.Approved approved)) {
            throw new IllegalStateException("the simulated supervisor's approval was refused: " + approval);
        }
        ReversalResult result = action == ApprovalAction.VOID
                ? till.counter().voidSale(seq, approved.approval(), "meal not served")
                : till.counter().refund(receipt, approved.approval(), "elder fell ill");
        if (result.done()) {
            if (action == ApprovalAction.VOID) {
                voids++;
            } else {
                refunds++;
            }
        }
    }

    /** The cards of active elders, the first {@value #REGULARS} of them: the canteen's regulars. */
    private static List<String> regularCards(Path registry) {
        Map<String, ElderRecord> elders = new HashMap<>();
        List<String> cards = new ArrayList<>();
        RegistryFormat.ELDERS.read(registry.resolve(RegistryFormat.ELDERS.fileName()), (e, line) -> elders.put(e.elderId(), e), bad -> { });
        RegistryFormat.CARDS.read(registry.resolve(RegistryFormat.CARDS.fileName()), (Card c, long line) -> {
            ElderRecord e = elders.get(c.elderId());
            if (cards.size() < REGULARS && c.status() == CardStatus.ACTIVE && e != null && e.status() == ElderState.ACTIVE) {
                cards.add(c.uid());
            }
        }, bad -> { });
        return cards;
    }

    private static Path writeConfig(Path dir) {
        Path config = dir.resolve("till.yaml");
        String yaml = """
                # A simulated till (yishi till simulate): demo registry and staff (cashier 1001 / PIN 1234,
                # supervisor 2001 / 9999), the Zengcheng policy. Open it with: yishi till --config till.yaml
                till_id: %s
                canteen_id: %s
                policy_id: guangzhou-zengcheng
                zone: Asia/Shanghai
                language: zh
                data_dir: till
                customer_display: false
                """.formatted(DemoTillData.TILL_ID, DemoTillData.CANTEEN_ID);
        try {
            Files.writeString(config, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        return config;
    }
}
