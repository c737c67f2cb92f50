package org.yishi.till.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.RefusedIdentificationPayload;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SatisfactionPayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.StaffAction;
import org.yishi.core.journal.StaffPayload;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.subsidy.RefusalReason;
import org.yishi.core.time.ManualClock;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.demo.DemoTillData;
import org.yishi.till.staff.ApprovalAction;

/**
 * Issue 9's ways to lose, double or mis-charge a meal at the counter, each shown on a demo till (real H2, journal,
 * engine, print queue): outside the meal windows, bills recorded twice, quotes gone stale, zones and clocks, receipt
 * numbers.
 */
class CheckoutCorrectnessTest {

    @TempDir
    Path dir;
    private CounterFixture till;

    @BeforeEach
    void open() {
        till = new CounterFixture(dir);
    }

    @AfterEach
    void close() {
        till.close();
    }

    private void at(String localDateTime) {
        till.clock.set(LocalDateTime.parse(localDateTime).atZone(CounterFixture.SHANGHAI).toInstant());
    }

    private CheckoutStep tap(String why) {
        return till.counter.identify(new IdentificationEvent.CardTapped(till.clock.instant(), "Reader", till.card(why)));
    }

    private CheckoutStep.Ready ready(String why) {
        CheckoutStep step = tap(why);
        assertThat(step).as(why).isInstanceOf(CheckoutStep.Ready.class);
        return (CheckoutStep.Ready) step;
    }

    private List<SignedRecord> journal() {
        return till.store.journal().readFrom(1);
    }

    private List<SalePayload> sales() {
        return journal().stream().filter(r -> r.type() == RecordType.SALE).map(r -> (SalePayload) r.typedPayload()).toList();
    }

    // --- 1. Outside every meal window the checkout used to crash (NullPointerException in Purchase) ---

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-11-23T13:30:00", "2026-11-23T14:00:00", "2026-11-23T23:59:00", "2026-11-24T00:00:00", "2026-11-24T10:29:59"})
    void outsideMealHoursTheBillIsFullPriceSaysWhyAndSells(String time) {
        at(time);

        CheckoutStep.Ready bill = ready("home_town");

        assertThat(bill.mealSlot()).isEmpty();
        assertThat(bill.quote().subsidyFen()).isZero();
        assertThat(bill.quote().copayFen()).isEqualTo(bill.quote().priceFen()).isPositive();
        assertThat(bill.quote().refusal()).get().extracting(r -> r.reason()).isEqualTo(RefusalReason.OUTSIDE_MEAL_WINDOW);
        SaleResult sale = till.sell(bill, new Payment.Cash(bill.quote().copayFen()));
        SalePayload recorded = sales().get(0);
        assertThat(recorded.subsidyFen()).isZero();
        assertThat(recorded.mealSlot()).isNull();
        assertThat(recorded.refusal()).isEqualTo("outside_meal_window");
        assertThat(sale.receiptNo()).isEqualTo(recorded.receiptNo());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-11-24T10:30:00", "2026-11-23T13:29:59", "2026-11-23T16:30:00"})
    void insideTheWindowFromItsFirstSecondToItsLastTheMealIsSubsidised(String time) {
        at(time);

        CheckoutStep.Ready bill = ready("home_town");

        assertThat(bill.mealSlot()).isPresent();
        assertThat(bill.quote().subsidyFen()).isPositive();
    }

    @Test
    void outsideMealHoursALostCardIsStillRefusedAndTheRefusalJournalled() {
        at("2026-11-23T14:00:00");

        CheckoutStep step = tap("lost");

        assertThat(step).isInstanceOfSatisfying(CheckoutStep.Refused.class, r -> assertThat(r.code()).isEqualTo("card_lost"));
        SignedRecord last = journal().get(journal().size() - 1);
        assertThat(last.type()).isEqualTo(RecordType.IDENTIFICATION_REFUSED);
        assertThat(((RefusedIdentificationPayload) last.typedPayload()).reason()).isEqualTo("card_lost");
    }

    // --- 3. A sale recorded and looking unrecorded; one bill sold twice ---

    @Test
    void aBillCarriesItsIdIntoTheSaleAndCannotBeSoldTwice() {
        CheckoutStep.Ready bill = (CheckoutStep.Ready) till.counter.walkIn();

        till.sell(bill, new Payment.Cash(bill.quote().copayFen()));
        ConfirmOutcome again = till.counter.confirm(bill, new Payment.Cash(bill.quote().copayFen()));

        assertThat(sales()).hasSize(1);
        assertThat(sales().get(0).billId()).isEqualTo(bill.billId());
        assertThat(sales().get(0).quotedAt()).isNotNull();
        assertThat(again).as("the second confirm of one bill: the journal refuses it")
                .isInstanceOfSatisfying(ConfirmOutcome.NotRecorded.class, n -> assertThat(n.detail()).contains("DUPLICATE_SALE"));
    }

    @Test
    void aSecondConfirmOfAnEldersSoldBillRecordsNothingEither() {
        CheckoutStep.Ready bill = ready("home_town");
        till.sell(bill, new Payment.Cash(bill.quote().copayFen()));

        ConfirmOutcome again = till.counter.confirm(bill, new Payment.Cash(bill.quote().copayFen()));

        assertThat(again).isNotInstanceOf(ConfirmOutcome.Sold.class);
        assertThat(sales()).hasSize(1);
    }

    @Test
    void changingItemsKeepsTheBillId() {
        CheckoutStep.Ready bill = ready("home_town");
        CheckoutStep changed = till.counter.changeItems(bill, till.counter.menu().subList(0, 1));

        assertThat(changed).isInstanceOfSatisfying(CheckoutStep.Ready.class, r -> assertThat(r.billId()).isEqualTo(bill.billId()));
        assertThat(ready("home_district").billId()).isNotEqualTo(bill.billId());
    }

    @Test
    void aSaleTheDatabaseCouldNotIndexIsReportedSoldAndTheBillIsDone() throws Exception {
        CheckoutDesk desk = new CheckoutDesk(till.counter, CheckoutMessages.forLanguage("zh"));
        desk.identify(new IdentificationEvent.CardTapped(till.clock.instant(), "Reader", till.card("home_town")));
        // Reads still work (the limits are computed), the sale's index row cannot be written.
        sql("ALTER TABLE sale ADD CONSTRAINT refuse_all CHECK (seq < 0)");

        CheckoutDesk.Confirmed confirmed = desk.confirm(new Payment.Cash(10_000));

        assertThat(confirmed.outcome()).as("recorded in the journal, not yet indexed: 已记录").isInstanceOf(ConfirmOutcome.Sold.class);
        assertThat(desk.bill()).as("a recorded bill is done: Enter again cannot ring it twice").isEmpty();
        assertThat(sales()).hasSize(1);
        sql("ALTER TABLE sale DROP CONSTRAINT refuse_all");
        till.counter.rate(((ConfirmOutcome.Sold) confirmed.outcome()).sale().seq(), 3); // the index catches up first
        assertThat(till.store.sales().saleCount()).isEqualTo(1);
    }

    @Test
    void aSaleThatCannotBePreparedIsNotRecordedAndTheBillIsDone() throws Exception {
        CheckoutDesk desk = new CheckoutDesk(till.counter, CheckoutMessages.forLanguage("zh"));
        desk.identify(new IdentificationEvent.CardTapped(till.clock.instant(), "Reader", till.card("home_town")));
        sql("ALTER TABLE sale RENAME TO sale_away"); // the limits cannot be re-checked

        CheckoutDesk.Confirmed confirmed = desk.confirm(new Payment.Cash(10_000));

        assertThat(confirmed.outcome()).isInstanceOfSatisfying(ConfirmOutcome.NotRecorded.class,
                n -> assertThat(n.message()).startsWith("未记录"));
        assertThat(desk.bill()).isEmpty();
        assertThat(sales()).isEmpty();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = till.store.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    // --- 4. The quote went stale between identification and payment ---

    @Test
    void aBillQuotedInTheWindowAndConfirmedAfterItIsRequotedBeforeMoneyIsTaken() {
        at("2026-11-23T13:29:50");
        CheckoutStep.Ready bill = ready("home_town");
        assertThat(bill.quote().subsidyFen()).isPositive();
        till.clock.advance(Duration.ofSeconds(20));

        ConfirmOutcome outcome = till.counter.confirm(bill, new Payment.Cash(bill.quote().copayFen()));

        assertThat(outcome).isInstanceOfSatisfying(ConfirmOutcome.Requoted.class, r -> {
            assertThat(r.bill().billId()).isEqualTo(bill.billId());
            assertThat(r.bill().quote().subsidyFen()).isZero();
            assertThat(r.bill().quote().refusal()).get().extracting(x -> x.reason()).isEqualTo(RefusalReason.OUTSIDE_MEAL_WINDOW);
        });
        assertThat(sales()).as("nothing recorded on the stale amounts").isEmpty();
    }

    @Test
    void aLimitUsedUpBetweenQuoteAndConfirmIsRecheckedInsideTheJournalLock() {
        CheckoutStep.Ready first = ready("home_town");
        CheckoutStep.Ready second = ready("home_town"); // e.g. quoted before the first was confirmed
        assertThat(second.quote().subsidyFen()).isPositive();
        till.sell(first, new Payment.Cash(first.quote().copayFen()));

        ConfirmOutcome outcome = till.counter.confirm(second, new Payment.Cash(second.quote().copayFen()));

        assertThat(outcome).isInstanceOfSatisfying(ConfirmOutcome.Requoted.class,
                r -> assertThat(r.bill().quote().refusal()).get().extracting(x -> x.reason()).isEqualTo(RefusalReason.LIMIT_REACHED));
        assertThat(sales()).hasSize(1);
    }

    @Test
    void anUnchangedBillIsRecordedWithTheTimeOfItsQuote() {
        CheckoutStep.Ready bill = ready("home_town");
        till.clock.advance(Duration.ofSeconds(30));

        till.sell(bill, new Payment.Cash(bill.quote().copayFen()));

        SignedRecord sale = journal().stream().filter(r -> r.type() == RecordType.SALE).findFirst().orElseThrow();
        Instant quotedAt = java.time.OffsetDateTime.parse(((SalePayload) sale.typedPayload()).quotedAt()).toInstant();
        assertThat(quotedAt).isEqualTo(till.clock.instant()).as("re-quoted at confirm");
        assertThat(quotedAt).isEqualTo(sale.time().toInstant());
    }

    // --- 5. One zone; a clock set back ---

    @Test
    void aClockSetBackBehindTheJournalStopsSubsidyUntilASupervisorConfirmsTheTime() {
        CheckoutStep.Ready lunch = ready("home_town");
        till.sell(lunch, new Payment.Cash(lunch.quote().copayFen()));
        till.clock.advance(Duration.ofMinutes(-20));

        CheckoutStep.Ready behind = ready("home_district");
        assertThat(behind.quote().subsidyFen()).isZero();
        assertThat(behind.quote().copayFen()).isEqualTo(behind.quote().priceFen());
        assertThat(behind.quote().refusal()).get().extracting(r -> r.reason()).isEqualTo(RefusalReason.CLOCK_NOT_TRUSTED);
        assertThat(till.counter.clockRefusal()).isPresent();

        till.counter.confirmClock(till.approval(ApprovalAction.CONFIRM_CLOCK));

        SignedRecord confirmed = journal().get(journal().size() - 1);
        assertThat(((StaffPayload) confirmed.typedPayload()).action()).isEqualTo(StaffAction.CLOCK_CONFIRMED);
        assertThat(((StaffPayload) confirmed.typedPayload()).detail()).contains("before the latest record time of the journal");
        assertThat(ready("home_district").quote().subsidyFen()).isPositive();
    }

    @Test
    void recordsWrittenWhileTheClockIsBehindDoNotMakeItLookRight() {
        CheckoutStep.Ready lunch = ready("home_town");
        till.sell(lunch, new Payment.Cash(lunch.quote().copayFen()));
        till.clock.advance(Duration.ofMinutes(-20));

        tap("lost"); // journals IDENTIFICATION_REFUSED at the early time
        CheckoutStep.Ready fullPrice = ready("home_district");
        till.sell(fullPrice, new Payment.Cash(fullPrice.quote().copayFen())); // a SALE at the early time

        assertThat(ready("home_district").quote().refusal()).get().extracting(r -> r.reason()).isEqualTo(RefusalReason.CLOCK_NOT_TRUSTED);
    }

    @Test
    void aClockWithinTheToleranceBehindIsTrusted() {
        CheckoutStep.Ready lunch = ready("home_town");
        till.sell(lunch, new Payment.Cash(lunch.quote().copayFen()));
        till.clock.advance(Duration.ofMinutes(-4));

        assertThat(ready("home_district").quote().subsidyFen()).isPositive();
    }

    @Test
    void theTillIndexesSalesInItsOwnZoneWhateverZoneItsClockCameIn(@TempDir Path other) throws Exception {
        ManualClock utc = new ManualClock(Instant.parse("2026-11-23T03:40:00Z"), ZoneOffset.UTC);
        try (Till demo = DemoTill.open(other, Path.of("..", "policies"), utc, "zh", new PrinterTarget.Screen())) {
            assertThat(demo.clock().getZone()).isEqualTo(DemoTill.ZONE);
            demo.staff().login("1001", "1234".toCharArray());
            demo.shifts().open(0);
            CheckoutStep.Ready bill = (CheckoutStep.Ready) demo.counter().walkIn();
            demo.counter().confirm(bill, new Payment.Cash(bill.quote().copayFen()));
            assertThat(demo.counter().shiftSales().get(0).time()).isEqualTo(LocalDateTime.parse("2026-11-23T11:40:00"));
        }
    }

    @Test
    void aTillConfiguredForAnotherZoneThanItsPolicyDoesNotOpen(@TempDir Path other) throws Exception {
        try (Till demo = DemoTill.open(other, Path.of("..", "policies"), till.clock, "zh", new PrinterTarget.Screen())) {
            // made the demo data; now open the same data as a till set to UTC
        }
        TillSetup utc = new TillSetup(other.resolve("till"), DemoTillData.TILL_ID, DemoTillData.CANTEEN_ID, "guangzhou-zengcheng",
                ZoneOffset.UTC, new PrinterTarget.Screen(), 80, Map.of(), "zh");
        assertThatThrownBy(() -> Till.open(utc, till.clock)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("time zone Z").hasMessageContaining("Asia/Shanghai");
    }

    // --- 6. Receipt numbers assigned inside the append lock ---

    @Test
    void receiptNumbersAreTheirOwnRecordsSeqEvenWithOtherRecordsWrittenMeanwhile() throws Exception {
        AtomicBoolean selling = new AtomicBoolean(true);
        CheckoutStep.Ready rated = ready("home_town");
        long ratedSeq = till.sell(rated, new Payment.Cash(rated.quote().copayFen())).seq();
        // The customer display rates from its own thread while the cashier sells.
        Thread display = new Thread(() -> {
            while (selling.get()) {
                till.store.journal().append(new SatisfactionPayload(ratedSeq, 5, "customer-display"));
            }
        });
        display.start();
        try {
            for (int i = 0; i < 40; i++) {
                CheckoutStep.Ready walkIn = (CheckoutStep.Ready) till.counter.walkIn();
                till.sell(walkIn, new Payment.Cash(walkIn.quote().copayFen()));
            }
        } finally {
            selling.set(false);
            display.join();
        }
        for (SignedRecord r : journal()) {
            if (r.type() == RecordType.SALE) {
                assertThat(((SalePayload) r.typedPayload()).receiptNo()).isEqualTo(DemoTillData.TILL_ID + "-" + String.format("%06d", r.seq()));
            }
        }
        assertThat(JournalVerifier.builder().trustKey(TillKeys.load(till.data.keyFile()).publicKey()).build()
                .verify(till.store.journal().file()).ok()).isTrue();
    }

    // --- 9. Till.open leaked the print queue when a later step failed ---

    @Test
    void aTillThatFailsToOpenLeavesNoPrintQueueThreadBehind(@TempDir Path other) throws Exception {
        try (Till demo = DemoTill.open(other, Path.of("..", "policies"), till.clock, "zh", new PrinterTarget.Screen())) {
            // made the demo data
        }
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        TillSetup badKey = new TillSetup(other.resolve("till"), DemoTillData.TILL_ID, DemoTillData.CANTEEN_ID, "guangzhou-zengcheng",
                CounterFixture.SHANGHAI, new PrinterTarget.Screen(), 80, Map.of("k1", rsa.generateKeyPair().getPublic()), "zh");
        long before = printQueueThreads();

        assertThatThrownBy(() -> Till.open(badKey, till.clock)).hasMessageContaining("not Ed25519");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> printQueueThreads() <= before);
        try (Till reopened = Till.open(new TillSetup(other.resolve("till"), DemoTillData.TILL_ID, DemoTillData.CANTEEN_ID,
                "guangzhou-zengcheng", CounterFixture.SHANGHAI, new PrinterTarget.Screen(), 80, Map.of(), "zh"), till.clock)) {
            assertThat(reopened.tillId()).as("the store was closed too: the till opens again").isEqualTo(DemoTillData.TILL_ID);
        }
    }

    private static long printQueueThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("yishi-print-queue")).count();
    }
}
