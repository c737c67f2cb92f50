package org.yishi.till.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.core.journal.OfflineStartPayload;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.time.ManualClock;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.shift.CashCount;
import org.yishi.till.shift.ShiftCloseResult;

/**
 * A till with a settlement server attached ({@link Till#attach}): the quote asks the link once per bill and the sale
 * records its answer; the journal's offline period flags sales and drives the status bar's connection, offline time
 * and alert; the shift close says how much the server has not acknowledged. The server itself is the e2e module's.
 */
class TillServerLinkTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:35:00Z"), DemoTill.ZONE);

    @Test
    void theLinkIsAskedOncePerBillTheSaleSaysHowLimitsWereCountedAndOfflineShowsInStatusAndSales(@TempDir Path dir) {
        List<String> asked = new ArrayList<>();
        try (Till till = DemoTill.open(dir, Path.of("..", "policies"), clock, "zh", new PrinterTarget.DeviceFile(dir.resolve("none")))) {
            assertThat(till.status().connection()).isEqualTo(TillStatus.Connection.STAND_ALONE);
            till.staff().login("1001", "1234".toCharArray());
            till.shifts().open(50_000);
            String regular = card(dir, till, "home_town");
            String second = card(dir, till, "home_district");

            till.attach((elderId, day) -> {
                asked.add(elderId + "@" + day);
                return UsageCount.ONLINE;
            }, Duration.ofMinutes(30));
            CheckoutStep.Ready bill = (CheckoutStep.Ready) till.counter().identify(tap(regular));
            assertThat(bill.usageCount()).isEqualTo(UsageCount.ONLINE);
            assertThat(till.counter().confirm(bill, new Payment.Cash(bill.quote().copayFen()))).isInstanceOf(ConfirmOutcome.Sold.class);
            assertThat(asked).as("asked once, with the elder and the till's day; the re-quote at confirm did not ask again")
                    .containsExactly(bill.elder().orElseThrow().elderId() + "@2026-11-23");
            assertThat(lastSale(till).line()).contains("\"usageCheck\":\"online\"").contains("\"offline\":false");
            TillStatus online = till.status();
            assertThat(online.connection()).isEqualTo(TillStatus.Connection.ONLINE);
            assertThat(online.waitingToSync()).as("nothing acknowledged yet").isEqualTo(online.lastSeq());

            till.store().journal().append(new OfflineStartPayload("the server cannot be reached: connect timed out"));
            Instant wentOffline = clock.instant();
            till.attach((elderId, day) -> UsageCount.LOCAL, Duration.ofMinutes(30));
            clock.advance(Duration.ofMinutes(29));
            TillStatus offline = till.status();
            assertThat(offline.connection()).isEqualTo(TillStatus.Connection.OFFLINE);
            assertThat(offline.offlineSince()).contains(wentOffline.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(offline.offlineAlert()).as("29 minutes: not yet").isFalse();
            clock.advance(Duration.ofMinutes(1));
            assertThat(till.status().offlineAlert()).as("30 minutes offline: the bar asks for attention").isTrue();

            CheckoutStep.Ready offlineBill = (CheckoutStep.Ready) till.counter().identify(tap(second));
            till.counter().confirm(offlineBill, new Payment.Cash(offlineBill.quote().copayFen()));
            assertThat(lastSale(till).line()).contains("\"usageCheck\":\"local\"").contains("\"offline\":true");

            long expected = till.shifts().preview(CashCount.empty()).expectedCashFen();
            ShiftCloseResult closed = till.closeShift(counted(expected), Optional.empty());
            assertThat(closed.unacknowledged()).as("every record, the SHIFT_CLOSE included").hasValue(till.store().journal().lastSeq());
        }
    }

    @Test
    void aTillWithoutAServerWritesNoUsageCheckAndItsShiftCloseCountsNothing(@TempDir Path dir) {
        try (Till till = DemoTill.open(dir, Path.of("..", "policies"), clock, "en", new PrinterTarget.DeviceFile(dir.resolve("none")))) {
            till.staff().login("1001", "1234".toCharArray());
            till.shifts().open(50_000);
            String regular = card(dir, till, "home_town");
            CheckoutStep.Ready bill = (CheckoutStep.Ready) till.counter().identify(tap(regular));
            assertThat(bill.usageCount()).isEqualTo(UsageCount.OWN_TILL);
            till.counter().confirm(bill, new Payment.Cash(bill.quote().copayFen()));
            assertThat(lastSale(till).line()).doesNotContain("usageCheck");
            long expected = till.shifts().preview(CashCount.empty()).expectedCashFen();
            assertThat(till.closeShift(counted(expected), Optional.empty()).unacknowledged()).isEmpty();
        }
    }

    private static String card(Path dir, Till till, String why) {
        return DemoTill.customers(dir, till).stream().filter(c -> c.why().equals(why)).findFirst().orElseThrow().cardUid();
    }

    private static CashCount counted(long fen) {
        return CashCount.ofTotal(fen, List.of(10_000L, 5_000L, 2_000L, 1_000L, 500L, 100L, 50L, 10L));
    }

    private IdentificationEvent tap(String uid) {
        return new IdentificationEvent.CardTapped(clock.instant(), "test", uid);
    }

    private static SignedRecord lastSale(Till till) {
        long last = till.store().journal().lastSeq();
        return till.store().journal().readRange(1, last).stream().filter(r -> r.type() == RecordType.SALE).reduce((a, b) -> b).orElseThrow();
    }
}
