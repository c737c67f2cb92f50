package org.yishi.till.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SignedRecord;

/** Issue 9 item 2: a second identification never replaces an open bill; it waits its turn. */
class CheckoutDeskTest {

    @TempDir
    Path dir;
    private CounterFixture till;
    private CheckoutDesk desk;

    @BeforeEach
    void open() {
        till = new CounterFixture(dir);
        desk = new CheckoutDesk(till.counter, CheckoutMessages.forLanguage("zh"));
    }

    @AfterEach
    void close() {
        till.close();
    }

    private CheckoutStep tap(String why) {
        return desk.identify(new IdentificationEvent.CardTapped(till.clock.instant(), "Reader", till.card(why)));
    }

    private List<SalePayload> sales() {
        return till.store.journal().readFrom(1).stream().filter(r -> r.type() == RecordType.SALE)
                .map(SignedRecord::typedPayload).map(SalePayload.class::cast).toList();
    }

    @Test
    void aSecondTapWaitsAndTheOpenBillIsTheOneSold() {
        CheckoutStep.Ready a = (CheckoutStep.Ready) tap("home_town");
        String bUid = till.card("home_district");

        CheckoutStep second = tap("home_district");

        assertThat(second).isInstanceOfSatisfying(CheckoutStep.Waiting.class, w -> {
            assertThat(w.openBill()).isEqualTo(a);
            assertThat(w.next()).startsWith("下一位").contains(bUid.substring(bUid.length() - 4));
        });
        assertThat(desk.bill()).contains(a);
        assertThat(desk.waiting()).isPresent();

        CheckoutDesk.Confirmed confirmed = desk.confirm(new Payment.Cash(a.quote().copayFen()));

        assertThat(confirmed.outcome()).isInstanceOf(ConfirmOutcome.Sold.class);
        assertThat(sales()).extracting(SalePayload::elderId).containsExactly(a.elder().orElseThrow().elderId());
        assertThat(confirmed.next()).get().isInstanceOfSatisfying(CheckoutStep.Ready.class,
                b -> assertThat(b.cardUid()).isEqualTo(bUid));
        assertThat(desk.bill()).get().extracting(CheckoutStep.Ready::cardUid).isEqualTo(bUid);
        assertThat(desk.waiting()).isEmpty();
    }

    @Test
    void cancellingTheOpenBillTakesUpTheWaitingCustomerAndRecordsNothingForTheFirst() {
        tap("home_town");
        tap("lost");

        var next = desk.cancel();

        assertThat(next).get().isInstanceOfSatisfying(CheckoutStep.Refused.class, r -> assertThat(r.code()).isEqualTo("card_lost"));
        assertThat(sales()).isEmpty();
        assertThat(desk.bill()).isEmpty();
    }

    @Test
    void aRefusedConfirmKeepsTheBillAndTheWaitingCustomer() {
        CheckoutStep.Ready a = (CheckoutStep.Ready) tap("home_town");
        tap("home_district");

        CheckoutDesk.Confirmed confirmed = desk.confirm(new Payment.Cash(a.quote().copayFen() - 1));

        assertThat(confirmed.outcome()).isInstanceOf(ConfirmOutcome.Refused.class);
        assertThat(confirmed.next()).isEmpty();
        assertThat(desk.bill()).contains(a);
        assertThat(desk.waiting()).isPresent();
    }

    @Test
    void aWalkInWhileABillIsOpenWaitsToo() {
        CheckoutStep.Ready a = (CheckoutStep.Ready) tap("home_town");

        assertThat(desk.walkIn()).isInstanceOf(CheckoutStep.Waiting.class);
        assertThat(desk.bill()).contains(a);
        assertThat(desk.cancel()).get().isInstanceOfSatisfying(CheckoutStep.Ready.class, r -> assertThat(r.walkIn()).isTrue());
    }

    @Test
    void clearDropsBillAndWaiting() {
        tap("home_town");
        tap("home_district");

        desk.clear();

        assertThat(desk.bill()).isEmpty();
        assertThat(desk.waiting()).isEmpty();
        assertThat(desk.cancel()).isEmpty();
    }
}
