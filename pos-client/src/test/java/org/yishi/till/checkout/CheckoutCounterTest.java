package org.yishi.till.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.subsidy.RefusalReason;
import org.yishi.till.demo.DemoTillData;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;

/** Selling at the counter on a demo till: identification, quote, sale, receipt, and their reversals. */
class CheckoutCounterTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

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

    private IdentificationEvent.CardTapped tap(String uid) {
        return new IdentificationEvent.CardTapped(till.clock.instant(), "Reader", uid);
    }

    private CheckoutStep.Ready readyFor(String why) {
        CheckoutStep step = till.counter.identify(tap(till.card(why)));
        assertThat(step).as(why).isInstanceOf(CheckoutStep.Ready.class);
        return (CheckoutStep.Ready) step;
    }

    private List<SignedRecord> journal() {
        return till.store.journal().readFrom(1);
    }

    @Test
    void aRegularsTapIsQuotedSoldJournalledAndPrinted() {
        CheckoutStep.Ready ready = readyFor("home_town");
        assertThat(ready.quote().subsidyFen()).isPositive();
        assertThat(ready.quote().copayFen()).isEqualTo(ready.quote().priceFen() - ready.quote().subsidyFen());
        assertThat(ready.elder()).get().satisfies(e -> {
            assertThat(e.maskedName()).contains("*");
            assertThat(e.cardLast4()).hasSize(4);
            assertThat(e.subsidisedToday()).isZero();
        });
        assertThat(ready.mealSlot()).contains("lunch");

        long tendered = ready.quote().copayFen() + 1000;
        SaleResult sale = till.sell(ready, new Payment.Cash(tendered));

        assertThat(sale.changeFen()).isEqualTo(1000);
        assertThat(sale.receiptNo()).isEqualTo(DemoTillData.TILL_ID + "-" + String.format("%06d", sale.seq()));
        SignedRecord record = journal().get((int) sale.seq() - 1);
        assertThat(record.type()).isEqualTo(RecordType.SALE);
        SalePayload payload = (SalePayload) record.typedPayload();
        assertThat(payload.identification()).isEqualTo(IdentificationMethod.CARD);
        assertThat(payload.cardUidLast4()).isEqualTo(till.card("home_town").substring(till.card("home_town").length() - 4));
        assertThat(payload.subsidyFen()).isEqualTo(ready.quote().subsidyFen());
        assertThat(payload.amounts().paymentMethod()).isEqualTo("cash");
        assertThat(sale.receipt().kicksDrawer()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !till.screen.recent().isEmpty());
        assertThat(new String(till.screen.recent().get(0), GB18030)).contains(sale.receiptNo())
                .doesNotContain(ready.elder().get().elderId());
    }

    @Test
    void aSecondLunchIsSoldAtFullPriceWithTheLimitAsTheReason() {
        CheckoutStep.Ready first = readyFor("home_town");
        till.sell(first, new Payment.Cash(first.quote().copayFen()));
        till.clock.advance(Duration.ofMinutes(20));

        CheckoutStep.Ready second = readyFor("home_town");
        assertThat(second.quote().subsidyFen()).isZero();
        assertThat(second.quote().refusal()).get().extracting(r -> r.reason()).isEqualTo(RefusalReason.LIMIT_REACHED);
        assertThat(second.elder().get().subsidisedToday()).isEqualTo(1);
    }

    @Test
    void twoSalesInTheSameClockTickStillCountAgainstTheLimit() {
        CheckoutStep.Ready first = readyFor("home_town");
        till.sell(first, new Payment.Cash(first.quote().copayFen()));

        CheckoutStep.Ready second = readyFor("home_town");
        assertThat(second.quote().subsidyFen()).as("the clock has not moved, the limit still holds").isZero();
    }

    @Test
    void aLostCardIsRefusedDiscreetlyAndADeceasedElderIsRefused() {
        CheckoutStep lost = till.counter.identify(tap(till.card("lost")));
        assertThat(lost).isInstanceOfSatisfying(CheckoutStep.Refused.class, r -> {
            assertThat(r.code()).isEqualTo("card_lost");
            assertThat(r.discreet()).isTrue();
            assertThat(r.message()).contains("挂失");
        });
        CheckoutStep deceased = till.counter.identify(tap(till.card("deceased")));
        assertThat(deceased).isInstanceOfSatisfying(CheckoutStep.Refused.class, r -> {
            assertThat(r.code()).isEqualTo("elder_deceased");
            assertThat(r.discreet()).isFalse();
        });
        CheckoutStep unknown = till.counter.identify(tap("0102030405060708"));
        assertThat(unknown).isInstanceOfSatisfying(CheckoutStep.Refused.class, r -> assertThat(r.code()).isEqualTo("unknown_card"));
        assertThat(journal()).noneMatch(r -> r.type() == RecordType.SALE);

        // Each refusal leaves its trace for the server's fraud checks: last 4 of the card, never the full UID.
        List<SignedRecord> refusals = journal().stream().filter(r -> r.type() == RecordType.IDENTIFICATION_REFUSED).toList();
        assertThat(refusals).extracting(r -> r.payload().get("reason")).containsExactly("card_lost", "elder_deceased", "unknown_card");
        String lostUid = till.card("lost");
        assertThat(refusals.get(0).payload()).containsEntry("cardUidLast4", lostUid.substring(lostUid.length() - 4))
                .containsEntry("identification", "card").containsEntry("cashier", CounterFixture.CASHIER);
        assertThat(refusals.get(1).payload().get("elderId")).isNotNull();
        assertThat(refusals.get(0).line()).doesNotContain(lostUid);
    }

    @Test
    void aCardWhoseLostRowTheImportRefusedIsRefusedAtTheCounterNotSold() throws java.io.IOException {
        String uid = till.card("home_town");
        String elderId = till.store.registry().findElderByCardUid(uid).orElseThrow().elder().id();
        // a delta reporting the card lost, with a date where a date-time belongs: the till cannot read the row
        Path delta = dir.resolve("delta");
        java.nio.file.Files.createDirectories(delta);
        java.nio.file.Files.writeString(delta.resolve("elders.csv"), String.join(",",
                org.yishi.config.registry.RegistryFormat.ELDERS.columns()) + "\n");
        java.nio.file.Files.writeString(delta.resolve("cards.csv"), "card_uid,elder_id,status,since\n" + uid + "," + elderId + ",lost,2026-11-23\n");
        org.yishi.config.registry.RegistryManifest.of(org.yishi.core.elder.RegistryMode.DELTA).write(delta);
        till.store.importRegistry(org.yishi.till.store.registry.RegistryExport.in(delta),
                org.yishi.config.category.CategoryVocabulary.standard(), "delta-1");

        CheckoutStep step = till.counter.identify(tap(uid));

        assertThat(step).isInstanceOfSatisfying(CheckoutStep.Refused.class, r -> {
            assertThat(r.code()).isEqualTo("card_blocked");
            assertThat(r.message()).contains("暂停使用");
        });
        assertThat(journal()).filteredOn(r -> r.type() == RecordType.IDENTIFICATION_REFUSED)
                .extracting(r -> r.payload().get("reason")).containsExactly("card_blocked");
        assertThat(journal()).filteredOn(r -> r.type() == RecordType.REGISTRY_UPDATE).last()
                .satisfies(r -> assertThat(r.payload()).containsEntry("mode", "delta"));
    }

    @Test
    void aWalkInPaysFullPriceAndIsRecordedWithoutAnElder() {
        CheckoutStep.Ready walkIn = (CheckoutStep.Ready) till.counter.walkIn();
        assertThat(walkIn.walkIn()).isTrue();
        assertThat(walkIn.quote().subsidyFen()).isZero();
        SaleResult sale = till.sell(walkIn, new Payment.Other("wechat", "4200001234567"));
        SalePayload payload = (SalePayload) journal().get((int) sale.seq() - 1).typedPayload();
        assertThat(payload.identification()).isEqualTo(IdentificationMethod.WALK_IN);
        assertThat(payload.elderId()).isNull();
        assertThat(payload.amounts().paymentMethod()).isEqualTo("wechat");
        assertThat(payload.paymentRef()).isEqualTo("4200001234567");
        assertThat(sale.receipt().kicksDrawer()).as("no cash, no drawer").isFalse();
    }

    @Test
    void tooLittleCashIsRefusedBeforeAnythingIsWritten() {
        CheckoutStep.Ready ready = readyFor("home_town");
        long before = till.store.journal().lastSeq();
        ConfirmOutcome outcome = till.counter.confirm(ready, new Payment.Cash(ready.quote().copayFen() - 1));
        assertThat(outcome).isInstanceOfSatisfying(ConfirmOutcome.Refused.class, r -> assertThat(r.code()).isEqualTo("cash_short"));
        assertThat(till.store.journal().lastSeq()).isEqualTo(before);
    }

    @Test
    void aVoidNeedsApprovalHappensOnceAndFreesTheLimit() {
        CheckoutStep.Ready ready = readyFor("home_town");
        SaleResult sale = till.sell(ready, new Payment.Cash(ready.quote().copayFen()));

        ReversalResult wrongAction = till.counter.voidSale(sale.seq(), till.approval(ApprovalAction.REFUND), "wrong meal");
        assertThat(wrongAction.done()).isFalse();
        assertThat(wrongAction.refusal()).get().asString().contains("不是这项操作");
        Approval approval = till.approval(ApprovalAction.VOID);
        ReversalResult voided = till.counter.voidSale(sale.seq(), approval, "wrong meal");
        assertThat(voided.done()).isTrue();
        assertThat(voided.copayBackFen()).isEqualTo(ready.quote().copayFen());
        assertThat(new String(voided.receipt().orElseThrow().escPos(), GB18030)).contains(sale.receiptNo());

        ReversalResult again = till.counter.voidSale(sale.seq(), till.approval(ApprovalAction.VOID), "again");
        assertThat(again.done()).isFalse();
        assertThat(again.refusal()).get().asString().contains("不能重复冲正");
        assertThat(till.counter.refund(sale.receiptNo(), till.approval(ApprovalAction.REFUND), "x").done()).isFalse();

        CheckoutStep.Ready afterVoid = readyFor("home_town");
        assertThat(afterVoid.quote().subsidyFen()).as("a voided meal uses up no limit").isPositive();
        assertThat(till.counter.shiftSales()).first().extracting(ShiftSale::reversal).isEqualTo("void");

        CheckoutStep.Ready another = readyFor("home_district");
        SaleResult second = till.sell(another, new Payment.Cash(another.quote().copayFen()));
        ReversalResult reused = till.counter.voidSale(second.seq(), approval, "the same approval again");
        assertThat(reused.done()).as("one approval, one void").isFalse();
        assertThat(reused.refusal()).get().asString().contains("已经用过");
    }

    @Test
    void aRefundNamesTheOriginalAndASecondRefundIsRefused() {
        CheckoutStep.Ready ready = readyFor("home_district");
        SaleResult sale = till.sell(ready, new Payment.Cash(ready.quote().copayFen()));

        ReversalResult refund = till.counter.refund(sale.receiptNo(), till.approval(ApprovalAction.REFUND), "不合口味");
        assertThat(refund.done()).isTrue();
        SignedRecord record = journal().get((int) (long) refund.seq().orElseThrow() - 1);
        assertThat(record.type()).isEqualTo(RecordType.REFUND);
        assertThat(record.payload()).containsEntry("originalSeq", sale.seq()).containsEntry("approvedBy", CounterFixture.SUPERVISOR);

        assertThat(till.counter.refund(sale.receiptNo(), till.approval(ApprovalAction.REFUND), "again").refusal()).isPresent();
        assertThat(till.counter.refund("NO-SUCH-000001", till.approval(ApprovalAction.REFUND), "x").refusal()).get().asString()
                .contains("NO-SUCH-000001");
    }

    @Test
    void anApprovalThatWaitedTooLongOrCameFromAnotherTillIsRefusedAndNothingIsWritten() {
        CheckoutStep.Ready ready = readyFor("home_town");
        SaleResult sale = till.sell(ready, new Payment.Cash(ready.quote().copayFen()));
        Approval late = till.approval(ApprovalAction.REFUND);
        till.clock.advance(Duration.ofMinutes(2));
        long before = till.store.journal().lastSeq();

        ReversalResult refused = till.counter.refund(sale.receiptNo(), late, "too late");

        assertThat(refused.done()).isFalse();
        assertThat(refused.refusal()).get().asString().contains("超时");
        assertThat(journal().subList((int) before, journal().size())).extracting(SignedRecord::type)
                .as("only the refusal's STAFF record").containsExactly(RecordType.STAFF);

        // another till's staff service (here: a second one on the same store) gives approvals this counter refuses
        org.yishi.till.staff.StaffService other = new org.yishi.till.staff.StaffService(till.store, till.clock,
                org.yishi.till.staff.StaffFixture.FAST);
        other.login(CounterFixture.CASHIER, "1234".toCharArray());
        Approval foreign = ((org.yishi.till.staff.ApprovalResult.Approved) other.approve(CounterFixture.SUPERVISOR,
                "9999".toCharArray(), ApprovalAction.MANUAL_IDENTIFICATION, null)).approval();
        String elderId = till.store.registry().findElderByCardUid(till.card("home_town")).orElseThrow().elder().id();
        assertThat(till.counter.identifyManually(elderId, foreign)).isInstanceOfSatisfying(CheckoutStep.Refused.class,
                r -> assertThat(r.code()).isEqualTo("approval_not_issued_here"));
        assertThat(till.counter.identifyManually(elderId, till.approval(ApprovalAction.MANUAL_IDENTIFICATION)))
                .isInstanceOf(CheckoutStep.Ready.class);
    }

    @Test
    void aReprintIsMarkedAndCounted() {
        CheckoutStep.Ready ready = readyFor("home_town");
        SaleResult sale = till.sell(ready, new Payment.Cash(ready.quote().copayFen()));

        ReprintResult first = till.counter.reprint(sale.seq(), "卡纸");
        ReprintResult second = till.counter.reprint(sale.seq(), "");
        assertThat(first.reprintCount()).isEqualTo(1);
        assertThat(second.reprintCount()).isEqualTo(2);
        String text = new String(second.receipt().escPos(), GB18030);
        assertThat(text).contains("重打印").contains(sale.receiptNo());
    }

    @Test
    void aForgottenCardIsFoundByNameAndDigitsAndSoldWithTheSupervisorsApproval() {
        var elder = till.store.registry().findElderByCardUid(till.card("home_town")).orElseThrow().elder();
        List<ElderMatch> matches = till.counter.search(elder.name(), elder.idLast4());
        assertThat(matches).extracting(ElderMatch::elderId).contains(elder.id());
        assertThat(matches).allSatisfy(m -> assertThat(m.maskedName()).contains("*"));

        CheckoutStep step = till.counter.identifyManually(elder.id(), till.approval(ApprovalAction.MANUAL_IDENTIFICATION));
        SaleResult sale = till.sell((CheckoutStep.Ready) step, new Payment.Cash(10_000));
        SalePayload payload = (SalePayload) journal().get((int) sale.seq() - 1).typedPayload();
        assertThat(payload.identification()).isEqualTo(IdentificationMethod.MANUAL);
        assertThat(payload.approvedBy()).isEqualTo(CounterFixture.SUPERVISOR);
        assertThat(payload.cardUidLast4()).isNull();
    }

    @Test
    void aSignedQrCodeIdentifiesItsElderAndATamperedOneIsRefused() {
        String uid = till.card("home_town");
        var who = till.store.registry().findElderByCardUid(uid).orElseThrow();
        String token = till.issuer.issue(who.elder().id(), uid, Duration.ofDays(30));

        CheckoutStep step = till.counter.identify(new IdentificationEvent.QrScanned(till.clock.instant(), "scanner", token));
        assertThat(step).isInstanceOfSatisfying(CheckoutStep.Ready.class, r -> {
            assertThat(r.identification()).isEqualTo(IdentificationMethod.QR);
            assertThat(r.elder().get().elderId()).isEqualTo(who.elder().id());
        });
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        CheckoutStep refused = till.counter.identify(new IdentificationEvent.QrScanned(till.clock.instant(), "scanner", tampered));
        assertThat(refused).isInstanceOfSatisfying(CheckoutStep.Refused.class, r -> assertThat(r.code()).startsWith("qr_"));
        assertThat(journal().get(journal().size() - 1).payload()).containsEntry("identification", "qr")
                .containsEntry("reason", ((CheckoutStep.Refused) refused).code());
    }

    @Test
    void ratingsAreJournalledAndTheWholeJournalVerifies() throws Exception {
        CheckoutStep.Ready ready = readyFor("home_town");
        SaleResult sale = till.sell(ready, new Payment.Cash(ready.quote().copayFen()));
        till.counter.rate(sale.seq(), 3);
        assertThatThrownBy(() -> till.counter.rate(sale.seq(), 4)).isInstanceOf(IllegalArgumentException.class);

        SignedRecord rating = journal().get(journal().size() - 1);
        assertThat(rating.type()).isEqualTo(RecordType.SATISFACTION);
        assertThat(rating.payload()).containsEntry("saleSeq", sale.seq()).containsEntry("rating", 5L);
        var report = JournalVerifier.builder().trustKey(TillKeys.load(till.data.keyFile()).publicKey())
                .expectTill(DemoTillData.TILL_ID).build().verify(till.store.journal().file());
        assertThat(report.ok()).as(report.toString()).isTrue();
    }
}
