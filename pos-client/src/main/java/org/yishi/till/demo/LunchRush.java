package org.yishi.till.demo;

import org.yishi.core.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.canteen.MenuItem;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SatisfactionPayload;
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.journal.Totals;
import org.yishi.core.journal.VerificationReport;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.Purchase;
import org.yishi.core.subsidy.PurchaseLine;
import org.yishi.core.subsidy.Quote;
import org.yishi.core.subsidy.RefusalReason;
import org.yishi.core.subsidy.SubsidyEngine;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.TillStoreOpenReport;
import org.yishi.till.store.registry.IdentifiedElder;
import org.yishi.till.store.registry.ImportReport;

/**
 * The demo: one till at a Zengcheng canteen through one lunchtime, end to end on the real parts — demo registry
 * imported into the till's H2 cache, the shipped Zengcheng policy, card taps looked up by UID, quotes from the
 * engine with limits from the sales index, every sale fsynced into the signed journal, a shift close with its
 * totals, and the journal verified against the till's key. Run again, it continues the same till on the next
 * working day.
 */
public final class LunchRush {

    public static final String TILL_ID = DemoTillData.TILL_ID;
    static final String CANTEEN_ID = DemoTillData.CANTEEN_ID;
    static final String SET_MEAL = "C01-L1";
    static final String CASHIER = "S001";
    static final String POLICY_FILE = DemoTillData.POLICY_ID_FILE;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);

    /**
     * @param dir         demo directory (registry/ and till/ under it)
     * @param policiesDir where the policy files are
     * @param elders      demo registry size (used when the registry is first generated)
     * @param regulars    how many regular customers queue
     */
    public record Options(Path dir, Path policiesDir, int elders, int regulars) {
    }

    /** One sale as the cashier saw it. */
    public record SaleLine(long seq, LocalTime time, String customer, String maskedName, int age, String tier,
            long priceFen, long subsidyFen, long copayFen, Optional<RefusalReason> refusal, OptionalInt mealsLeftToday) {
    }

    /** What the demo did. */
    public record Outcome(LocalDate day, TillStoreOpenReport openReport, List<ImportReport> imports, long shiftNo,
            List<SaleLine> sales, Totals shiftTotals, Path journalFile, VerificationReport verification) {
    }

    private final SubsidyEngine engine = new SubsidyEngine();

    public Outcome run(Options options, Consumer<SaleLine> progress) {
        Path registry = options.dir().resolve("registry");
        DemoTillData.ensureRegistry(registry, options.elders());
        TillDataDirectory data = new TillDataDirectory(options.dir().resolve("till"));
        Path journalFile = data.journalFile(TILL_ID);
        PastShifts past = PastShifts.of(journalFile);
        LocalDate day = past.nextWorkingDay(FIRST_DAY);
        ManualClock clock = new ManualClock(day.atTime(10, 40).atZone(ZONE).toInstant(), ZONE);
        SplittableRandom random = new SplittableRandom(day.toEpochDay());
        try (TillStore store = TillStore.open(data, TILL_ID, clock)) {
            List<ImportReport> imported = store.openReport().readyToServe() ? List.of() : DemoTillData.install(store, registry, options.policiesDir(), "demo-" + FIRST_DAY);
            Policy policy = new PolicyLoader().load(options.policiesDir().resolve(POLICY_FILE));
            Canteen canteen = store.menus().findCanteen(CANTEEN_ID).orElseThrow();
            MenuItem setMeal = store.menus().currentMenu(CANTEEN_ID).orElseThrow().items().stream()
                    .filter(i -> i.id().equals(SET_MEAL)).findFirst().orElseThrow();
            long shiftNo = store.journal().openShiftNo().orElseGet(() -> {
                long next = past.lastShiftNo() + 1;
                store.journal().append(new ShiftOpenPayload(next, CASHIER, 50_000));
                return next;
            });
            List<SaleLine> lines = new ArrayList<>();
            int served = 0;
            for (DemoQueue.Customer customer : DemoQueue.build(registry, canteen, options.regulars())) {
                clock.advance(Duration.ofSeconds(25 + random.nextInt(60)));
                SaleLine line = customer.walkIn() ? sellToWalkIn(store, policy, shiftNo, setMeal, clock)
                        : sellToCardholder(store, policy, shiftNo, canteen, setMeal, customer, clock);
                lines.add(line);
                progress.accept(line);
                if (++served % 4 == 0 && !customer.walkIn()) {
                    store.journal().append(new SatisfactionPayload(line.seq(), served % 8 == 0 ? 3 : 5, CASHIER));
                }
            }
            clock.advance(Duration.ofMinutes(30));
            var close = store.journal().prepareShiftClose(CASHIER, null);
            store.journal().append(close);
            VerificationReport verification = JournalVerifier.builder()
                    .trustKey(TillKeys.load(data.keyFile()).publicKey())
                    .expectTill(TILL_ID)
                    .build()
                    .verify(journalFile);
            return new Outcome(day, store.openReport(), imported, shiftNo, lines, close.shift(), journalFile, verification);
        }
    }

    private SaleLine sellToCardholder(TillStore store, Policy policy, long shiftNo, Canteen canteen, MenuItem setMeal,
            DemoQueue.Customer customer, ManualClock clock) {
        IdentifiedElder who = store.registry().findElderByCardUid(customer.cardUid())
                .orElseThrow(() -> new IllegalStateException("demo card " + customer.cardUid() + " is not in the till's cache"));
        LocalDateTime now = LocalDateTime.now(clock);
        Purchase purchase = new Purchase(canteen, List.of(new PurchaseLine(setMeal.id(), setMeal.name(), setMeal.priceFen(), 1, true)),
                now, Channel.DINE_IN, "lunch", Optional.of(who.card()));
        var history = store.sales().priorPurchasesAround(who.elder().id(), now.toLocalDate());
        Quote quote = engine.quote(policy, who.elder(), purchase, history);
        SalePayload sale = SalePayload.builder()
                .receiptNo(receiptNo(store))
                .shiftNo(shiftNo)
                .cashier(CASHIER)
                .elderId(who.elder().id())
                .identification(IdentificationMethod.CARD)
                .cardUidLast4(who.card().last4())
                .channel(Channel.DINE_IN)
                .mealSlot("lunch")
                .item(new SaleItem(setMeal.id(), setMeal.name(), 1, setMeal.priceFen(), setMeal.priceFen()))
                .quote(quote)
                .paymentMethod("cash")
                .offline(false)
                .build();
        SignedRecord record = store.journal().commitSale(sale);
        String tier = quote.appliedRules().isEmpty() ? "" : quote.appliedRules().get(0).ruleName();
        return new SaleLine(record.seq(), now.toLocalTime(), customer.why(), who.elder().maskedName(),
                who.elder().ageOn(now.toLocalDate()), tier, quote.priceFen(), quote.subsidyFen(), quote.copayFen(),
                quote.refusal().map(r -> r.reason()), quote.mealsLeftToday());
    }

    private static SaleLine sellToWalkIn(TillStore store, Policy policy, long shiftNo, MenuItem setMeal, ManualClock clock) {
        SalePayload sale = SalePayload.builder()
                .receiptNo(receiptNo(store))
                .shiftNo(shiftNo)
                .cashier(CASHIER)
                .identification(IdentificationMethod.WALK_IN)
                .channel(Channel.DINE_IN)
                .mealSlot("lunch")
                .item(new SaleItem(setMeal.id(), setMeal.name(), 1, setMeal.priceFen(), setMeal.priceFen()))
                .amounts(setMeal.priceFen(), 0, setMeal.priceFen())
                .policy(policy.id(), policy.version())
                .paymentMethod("cash")
                .offline(false)
                .build();
        SignedRecord record = store.journal().commitSale(sale);
        return new SaleLine(record.seq(), LocalTime.now(clock), "walk_in", "", 0, "", setMeal.priceFen(), 0,
                setMeal.priceFen(), Optional.empty(), OptionalInt.empty());
    }

    /** Receipt numbers are the till id and the sale's journal sequence number: unique and traceable. */
    private static String receiptNo(TillStore store) {
        return TILL_ID + "-" + String.format("%06d", store.journal().lastSeq() + 1);
    }

    /** What earlier demo runs left in the journal: the last day sold and the last shift number. */
    private record PastShifts(Optional<LocalDate> lastDay, long lastShiftNo) {
        static PastShifts of(Path journal) {
            if (!Files.isRegularFile(journal)) {
                return new PastShifts(Optional.empty(), 0);
            }
            List<SignedRecord> records = JournalReader.readAll(journal);
            long lastShift = records.stream().filter(r -> r.type() == RecordType.SHIFT_OPEN)
                    .mapToLong(r -> ((Number) r.payload().get("shiftNo")).longValue()).max().orElse(0);
            Optional<LocalDate> last = records.isEmpty() ? Optional.empty()
                    : Optional.of(records.get(records.size() - 1).time().toLocalDate());
            return new PastShifts(last, lastShift);
        }

        LocalDate nextWorkingDay(LocalDate first) {
            if (lastDay.isEmpty()) {
                return first;
            }
            LocalDate d = lastDay.get().plusDays(1);
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            return d.isBefore(first) ? first : d;
        }
    }
}
