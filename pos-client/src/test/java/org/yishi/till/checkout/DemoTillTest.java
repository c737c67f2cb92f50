package org.yishi.till.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.time.ManualClock;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.print.Admission;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.shift.CashCount;
import org.yishi.till.shift.ShiftCloseResult;
import org.yishi.till.staff.LoginResult;
import org.yishi.till.store.TillDataDirectory;

/**
 * The demo till end to end through {@link Till}: log in, open a shift, sell, close the shift. Its printer is
 * unplugged, so every receipt stays in the print queue, where the test can see it, and survives the restart.
 */
class DemoTillTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:35:00Z"), DemoTill.ZONE);

    @Test
    void aShiftAtTheDemoTillFromLoginToZReport(@TempDir Path dir) throws Exception {
        Path policies = Path.of("..", "policies");
        long soldCopay = 0;
        List<Receipt> printed = new ArrayList<>();
        PrinterTarget unplugged = new PrinterTarget.DeviceFile(dir.resolve("no-printer-here"));
        try (Till till = DemoTill.open(dir, policies, clock, "zh", unplugged)) {
            assertThat(till.staff().login("1001", "0000".toCharArray())).isInstanceOf(LoginResult.WrongPin.class);
            assertThat(till.staff().login("1001", "1234".toCharArray())).isInstanceOf(LoginResult.Ok.class);
            assertThat(till.counter().confirm((CheckoutStep.Ready) till.counter().walkIn(), new Payment.Cash(100_000)))
                    .isInstanceOfSatisfying(ConfirmOutcome.Refused.class, r -> assertThat(r.code()).isEqualTo("no_shift"));
            till.shifts().open(50_000);

            List<DemoTill.Customer> customers = DemoTill.customers(dir, till);
            assertThat(customers).extracting(DemoTill.Customer::why).contains("lost", "deceased", "home_town", "walk_in");
            for (DemoTill.Customer c : customers) {
                CheckoutStep step = c.cardUid().isEmpty() ? till.counter().walkIn()
                        : till.counter().identify(new IdentificationEvent.CardTapped(clock.instant(), "demo", c.cardUid()));
                if (step instanceof CheckoutStep.Ready ready) {
                    SaleResult sale = ((ConfirmOutcome.Sold) till.counter().confirm(ready, new Payment.Cash(ready.quote().copayFen()))).sale();
                    assertThat(sale.printing()).isEqualTo(Admission.ACCEPTED);
                    soldCopay += sale.copayFen();
                    printed.add(new Receipt(sale.receiptNo(), ReceiptKind.SALE));
                }
                clock.advance(java.time.Duration.ofSeconds(40));
            }
            DemoTill.Customer regular = customers.stream().filter(c -> c.qrToken().isPresent()).findFirst().orElseThrow();
            CheckoutStep byQr = till.counter().identify(new IdentificationEvent.QrScanned(clock.instant(), "demo", regular.qrToken().get()));
            assertThat(byQr).isInstanceOf(CheckoutStep.Ready.class);

            long expected = till.shifts().preview(CashCount.empty()).expectedCashFen();
            assertThat(expected).isEqualTo(50_000 + soldCopay);
            ShiftCloseResult closed = till.closeShift(exactly(expected), Optional.empty());
            assertThat(closed.summary().varianceFen()).isZero();
            assertThat(closed.summary().shiftTotals().copayFen()).isEqualTo(soldCopay);
            printed.add(new Receipt(closed.zReport().receiptId(), ReceiptKind.Z_REPORT));
            assertThat(printed).as("regulars, the home-town elder and the walk-in were sold to")
                    .filteredOn(r -> r.kind() == ReceiptKind.SALE).hasSizeGreaterThanOrEqualTo(3);
            // Every sale's receipt and the Z-report reached the print queue, once each, in order, as what they are.
            assertThat(till.printer().jobs()).extracting(j -> new Receipt(j.receiptId(), j.kind()))
                    .containsExactlyElementsOf(printed);
            assertThat(till.printer().jobs()).allSatisfy(j -> assertThat(j.bytes()).isPositive());
            assertThat(till.status().elders()).isEqualTo(2000);
        }
        var report = JournalVerifier.builder()
                .trustKey(TillKeys.load(new TillDataDirectory(dir.resolve("till")).keyFile()).publicKey()).build()
                .verify(new TillDataDirectory(dir.resolve("till")).journalFile(org.yishi.till.demo.DemoTillData.TILL_ID));
        assertThat(report.ok()).as(report.toString()).isTrue();

        // The second start reuses everything made on the first.
        try (Till again = DemoTill.open(dir, policies, clock, "zh", new PrinterTarget.Screen())) {
            assertThat(again.shifts().openShiftNo()).isEmpty();
            assertThat(again.printer().jobs()).as("unprinted receipts survive the restart, held")
                    .extracting(j -> new Receipt(j.receiptId(), j.kind())).containsExactlyElementsOf(printed);
            assertThat(again.staff().registry().all()).hasSize(4);
        }
    }

    /** A receipt as the print queue sees it. */
    private record Receipt(String id, ReceiptKind kind) {
    }

    /** The cash count a careful cashier makes of {@code fen}, largest notes first. */
    private static CashCount exactly(long fen) {
        long[] denominations = {10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10};
        long left = fen;
        long[] pairs = new long[denominations.length * 2];
        for (int i = 0; i < denominations.length; i++) {
            pairs[2 * i] = denominations[i];
            pairs[2 * i + 1] = left / denominations[i];
            left %= denominations[i];
        }
        assertThat(left).as("the demo's copayments are whole jiao").isZero();
        return CashCount.of(pairs);
    }
}
