package org.yishi.till.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yishi.till.staff.StaffFixture.FAST;
import static org.yishi.till.staff.StaffFixture.pin;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.ShiftClosePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.VerificationReport;
import org.yishi.core.policy.Channel;
import org.yishi.core.time.ManualClock;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.content.ReceiptContext;
import org.yishi.receipts.content.ReceiptTexts;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.layout.PaperWidth;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.staff.ApprovalResult;
import org.yishi.till.staff.StaffFixture;
import org.yishi.till.staff.StaffService;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.testing.TestSales;

class ShiftServiceTest {

    @TempDir
    Path root;
    final ManualClock clock = StaffFixture.clock();
    TillStore store;
    StaffService staff;
    ShiftService shifts;

    @BeforeEach
    void open() {
        store = StaffFixture.openWithStaff(root, clock);
        staff = new StaffService(store, clock, FAST);
        ZReportFormat format = new ZReportFormat(new ReceiptRenderer(ReceiptTexts.forLanguage("zh-CN"), PrinterProfile.generic(PaperWidth.MM80)),
                new ReceiptContext("阳光长者食堂", "", "T01", Map.of("city", "市财政", "district", "区财政"), StaffFixture.SHANGHAI),
                id -> id.equals("zc-60-79") ? "60-79岁" : id);
        shifts = new ShiftService(store, clock, ShiftSettings.defaults(), staff, format);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    private SignedRecord sell(String receiptNo, long shiftNo, long price, long subsidy, String method) {
        SalePayload base = TestSales.sale(receiptNo, "E-" + receiptNo, shiftNo, price, subsidy, "lunch", Channel.DINE_IN);
        SalePayload sale = SalePayload.builder().receiptNo(base.receiptNo()).shiftNo(shiftNo).cashier("1001").elderId(base.elderId())
                .identification(base.identification()).cardUidLast4(base.cardUidLast4()).channel(base.channel()).mealSlot("lunch")
                .item(base.items().get(0)).policy(base.policyId(), base.policyVersion()).paymentMethod(method)
                .amounts(price, subsidy, price - subsidy).ruleIds(base.ruleIds()).funderShares(base.amounts().funderShares())
                .providerGrants(base.amounts().providerGrants()).build();
        clock.advance(Duration.ofSeconds(30));
        return store.journal().append(sale);
    }

    private Approval approve(ApprovalAction action) {
        ApprovalResult r = staff.approve("2001", pin("9999"), action, null);
        return ((ApprovalResult.Approved) r).approval();
    }

    @Test
    void openNeedsALoggedInSellerAndOneShiftAtATime() {
        assertThatThrownBy(() -> shifts.open(20_000)).isInstanceOf(IllegalStateException.class).hasMessageContaining("logged in");
        staff.login("4001", pin("4444"));
        assertThatThrownBy(() -> shifts.open(20_000)).hasMessageContaining("may not open a shift");
        staff.login("1001", pin("1234"));
        assertThatThrownBy(() -> shifts.open(-1)).hasMessageContaining("negative");
        assertThat(shifts.open(20_000)).isEqualTo(1);
        assertThat(shifts.openShiftNo()).hasValue(1);
        assertThatThrownBy(() -> shifts.open(20_000)).hasMessageContaining("shift 1 is still open");
        shifts.close(CashCount.of(10_000, 2), Optional.empty());
        assertThat(shifts.openShiftNo()).isEmpty();
        assertThat(shifts.open(10_000)).as("numbers continue from the journal").isEqualTo(2);
    }

    @Test
    void closeComparesTheCountWithFloatPlusNetCashAndNeedsApprovalForAVariance() {
        staff.login("1001", pin("1234"));
        long shift = shifts.open(20_000);
        List<SignedRecord> sales = new ArrayList<>();
        sales.add(sell("R1", shift, 1200, 700, "cash"));     // cash 5.00
        sales.add(sell("R2", shift, 1200, 900, "cash"));     // cash 3.00
        sales.add(sell("R3", shift, 1500, 0, "wechat"));     // not cash
        sales.add(sell("R4", shift, 1200, 700, "cash"));     // cash 5.00, refunded below
        SalePayload r4 = (SalePayload) sales.get(3).typedPayload();
        store.journal().append(ReversalPayload.refunding(sales.get(3).seq(), r4, shift, "1001", "2001", "ill"));

        // expected = 200.00 float + 5 + 3 (+5 − 5) = 208.00
        CashCount exact = CashCount.of(10_000, 2, 500, 1, 100, 3);
        ShiftCloseSummary preview = shifts.preview(exact);
        assertThat(preview.expectedCashFen()).isEqualTo(20_800);
        assertThat(preview.varianceFen()).isZero();

        CashCount short50 = CashCount.of(10_000, 2, 500, 1, 100, 2, 50, 1);
        ShiftCloseRefusedException refused = org.junit.jupiter.api.Assertions.assertThrows(ShiftCloseRefusedException.class,
                () -> shifts.close(short50, Optional.empty()));
        assertThat(refused.getMessage()).contains("variance -50").contains("supervisor");
        assertThat(refused.summary().varianceFen()).isEqualTo(-50);
        assertThat(shifts.openShiftNo()).as("nothing written").hasValue(shift);

        Approval wrongKind = approve(ApprovalAction.VOID);
        assertThatThrownBy(() -> shifts.close(short50, Optional.of(wrongKind))).isInstanceOf(ShiftCloseRefusedException.class)
                .hasMessageContaining("cannot be used for this shift-close variance: approval is for void");
        Approval stale = approve(ApprovalAction.SHIFT_CLOSE_VARIANCE);
        clock.advance(FAST.approvalValidFor());
        assertThatThrownBy(() -> shifts.close(short50, Optional.of(stale))).isInstanceOf(ShiftCloseRefusedException.class)
                .hasMessageContaining("expired");
        assertThat(shifts.openShiftNo()).as("nothing written").hasValue(shift);
        assertThatThrownBy(() -> shifts.close(CashCount.of(3, 1), Optional.empty())).hasMessageContaining("3 fen pieces");

        ShiftCloseResult result = shifts.close(short50, Optional.of(approve(ApprovalAction.SHIFT_CLOSE_VARIANCE)));
        assertThat(result.summary().varianceFen()).isEqualTo(-50);
        assertThat(result.summary().countedCashFen()).isEqualTo(20_750);

        // Z-report totals are the sum of the shift's sales minus the refund
        ShiftClosePayload close = (ShiftClosePayload) store.journal().readFrom(result.seq()).get(0).typedPayload();
        long price = 0;
        long subsidy = 0;
        for (SignedRecord s : sales) {
            price += ((SalePayload) s.typedPayload()).priceFen();
            subsidy += ((SalePayload) s.typedPayload()).subsidyFen();
        }
        assertThat(close.shift().sales()).isEqualTo(4);
        assertThat(close.shift().refunds()).isEqualTo(1);
        assertThat(close.shift().priceFen()).isEqualTo(price - 1200);
        assertThat(close.shift().subsidyFen()).isEqualTo(subsidy - 700);
        assertThat(close.shift().copayByPaymentMethod()).containsEntry("cash", 800L).containsEntry("wechat", 1500L);
        assertThat(close.countedCashFen()).isEqualTo(20_750);
        assertThat(close.closedBy()).isEqualTo("1001");
        assertThat(result.summary().shiftTotals()).isEqualTo(close.shift());

        assertThat(result.zReport().kind()).isEqualTo(ReceiptKind.Z_REPORT);
        String printed = new String(result.zReport().escPos(), Charset.forName("GB18030"));
        assertThat(printed).contains(close.lastHash().substring(0, 32)).contains("备用金").contains("200.00").contains("208.00").contains("-0.50")
                .contains("60-79岁");

        VerificationReport report = JournalVerifier.builder().build().verify(store.journal().file());
        assertThat(report.firstProblem()).isEmpty();
    }

    @Test
    void aVarianceApprovalClosesOneShiftOnly() {
        staff.login("1001", pin("1234"));
        shifts.open(5_000);
        Approval approval = approve(ApprovalAction.SHIFT_CLOSE_VARIANCE);
        shifts.close(CashCount.of(5_000, 1, 100, 1), Optional.of(approval));
        shifts.open(5_000);
        assertThatThrownBy(() -> shifts.close(CashCount.of(5_000, 1, 100, 1), Optional.of(approval)))
                .isInstanceOf(ShiftCloseRefusedException.class).hasMessageContaining("already used");
        assertThat(shifts.openShiftNo()).hasValue(2);
    }

    @Test
    void anExactCountClosesWithoutApprovalAndAnEmptyShiftToo() {
        staff.login("1001", pin("1234"));
        shifts.open(5_000);
        ShiftCloseResult r = shifts.close(CashCount.of(5_000, 1), Optional.empty());
        assertThat(r.summary().hasVariance()).isFalse();
        assertThat(r.summary().shiftTotals().sales()).isZero();
        assertThatThrownBy(() -> shifts.preview(CashCount.empty())).hasMessageContaining("no shift is open");
    }

    @Test
    void cashCountValidatesAndTotals() {
        assertThat(CashCount.of(10_000, 3, 50, 2, 10, 0).totalFen()).isEqualTo(30_100);
        assertThat(CashCount.of(10, 1, 10_000, 1).countByDenominationFen().firstKey()).isEqualTo(10_000L);
        assertThatThrownBy(() -> CashCount.of(100, -1)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> CashCount.of(0, 1)).hasMessageContaining("at least 1 fen");
        assertThatThrownBy(() -> CashCount.of(100)).hasMessageContaining("pairs");
        assertThatThrownBy(() -> new ShiftSettings(List.of(100L, 500L))).hasMessageContaining("largest first");
    }
}
