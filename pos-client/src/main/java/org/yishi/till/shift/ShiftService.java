package org.yishi.till.shift;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.ShiftClosePayload;
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.content.JournalRef;
import org.yishi.receipts.content.ShiftTiers;
import org.yishi.receipts.content.ZReport;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.staff.ApprovalUse;
import org.yishi.till.staff.Staff;
import org.yishi.till.staff.StaffService;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.ledger.JournalMirror;

/**
 * Opens and closes the till's shift. One shift is open at a time; shift numbers and the open shift come from the
 * journal. Closing counts the drawer by denomination, compares it with the float plus the net cash copayments (the
 * shift totals that {@code TillJournal.prepareShiftClose} computes — the same the SHIFT_CLOSE carries and the verifier
 * recomputes), refuses a variance without a supervisor's approval, appends SHIFT_CLOSE and renders the Z-report.
 */
public final class ShiftService {

    private final TillStore store;
    private final Clock clock;
    private final ShiftSettings settings;
    private final StaffService staff;
    private final ZReportFormat zReport;

    public ShiftService(TillStore store, Clock clock, ShiftSettings settings, StaffService staff, ZReportFormat zReport) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.staff = Objects.requireNonNull(staff, "staff");
        this.zReport = Objects.requireNonNull(zReport, "zReport");
    }

    /** The open shift's number, if any. */
    public OptionalLong openShiftNo() {
        return store.journal().openShiftNo();
    }

    public ShiftSettings settings() {
        return settings;
    }

    /**
     * Opens a shift with a counted float, as the logged-in cashier or supervisor; journals SHIFT_OPEN.
     *
     * @return the new shift number (one more than the last)
     * @throws IllegalStateException if a shift is open, no one may sell, or the till is locked
     */
    public synchronized long open(long openingFloatFen) {
        if (openingFloatFen < 0) {
            throw new IllegalArgumentException("opening float must not be negative, found " + openingFloatFen + " fen");
        }
        Staff cashier = staff.requireActive();
        if (!cashier.maySell()) {
            throw new IllegalStateException("staff " + cashier.staffNo() + " may not open a shift (needs the cashier or supervisor role)");
        }
        OptionalLong open = openShiftNo();
        if (open.isPresent()) {
            throw new IllegalStateException("shift " + open.getAsLong() + " is still open: close it before opening another");
        }
        long shiftNo = lastShiftOpen().map(o -> o.shiftNo() + 1).orElse(1L);
        store.journal().append(new ShiftOpenPayload(shiftNo, cashier.staffNo(), openingFloatFen));
        return shiftNo;
    }

    /**
     * What closing now with this count would say (nothing is written).
     *
     * @throws IllegalStateException if no shift is open
     * @throws ShiftCloseRefusedException if the count names a denomination the till does not use
     */
    public synchronized ShiftCloseSummary preview(CashCount counted) {
        Staff who = staff.current().orElse(null);
        return summary(prepare(who == null ? "preview" : who.staffNo(), counted));
    }

    /**
     * Closes the open shift as the logged-in staff member: appends SHIFT_CLOSE with the counted cash and renders the
     * Z-report. A variance needs a {@link ApprovalAction#SHIFT_CLOSE_VARIANCE} approval (its STAFF record is already in
     * the journal), which the close uses up ({@link StaffService#use}). The caller prints the Z-report.
     *
     * @throws ShiftCloseRefusedException if there is a variance and no approval for it or one the staff service refuses
     *                                    (used, expired, for another action or person, not this till's), or the count is
     *                                    invalid
     * @throws IllegalStateException      if no shift is open, no one is logged in or the till is locked
     */
    public synchronized ShiftCloseResult close(CashCount counted, Optional<Approval> varianceApproval) {
        Staff closer = staff.requireActive();
        ShiftClosePayload close = prepare(closer.staffNo(), counted);
        ShiftCloseSummary summary = summary(close);
        if (summary.hasVariance()) {
            Approval approval = varianceApproval.orElseThrow(() -> new ShiftCloseRefusedException("shift " + close.shiftNo()
                    + ": counted " + summary.countedCashFen() + " fen but expected " + summary.expectedCashFen()
                    + " fen (variance " + summary.varianceFen() + "): a supervisor must approve the variance", summary));
            // used up here, just before the close is written: an approval serves one close
            if (staff.use(approval, ApprovalAction.SHIFT_CLOSE_VARIANCE) instanceof ApprovalUse.Refused refused) {
                throw new ShiftCloseRefusedException("the approval by " + approval.supervisor().staffNo()
                        + " cannot be used for this shift-close variance: " + refused.detail(), summary);
            }
        }
        SignedRecord record = store.journal().append(close);
        List<SignedRecord> shiftRecords = store.journal().readRange(close.fromSeq(), close.toSeq());
        List<ZReport.TierTotal> tiers = ShiftTiers.of(shiftRecords, this::saleAt, zReport.ruleName());
        ZReport report = new ZReport(zReport.context(), JournalRef.of(record), close, closer.name(), tiers,
                summary.openingFloatFen());
        RenderedReceipt receipt = zReport.renderer().render(report);
        return new ShiftCloseResult(record.seq(), summary, receipt, java.util.OptionalLong.empty());
    }

    private ShiftClosePayload prepare(String closedBy, CashCount counted) {
        Objects.requireNonNull(counted, "counted");
        for (Long denomination : counted.countByDenominationFen().keySet()) {
            if (!settings.denominationsFen().contains(denomination)) {
                throw new ShiftCloseRefusedException("the cash count has " + denomination + " fen pieces, which this till "
                        + "does not count (denominations " + settings.denominationsFen() + ")", null);
            }
        }
        if (openShiftNo().isEmpty()) {
            throw new IllegalStateException("no shift is open");
        }
        return store.journal().prepareShiftClose(closedBy, counted.totalFen());
    }

    private ShiftCloseSummary summary(ShiftClosePayload close) {
        ShiftOpenPayload open = lastShiftOpen().filter(o -> o.shiftNo() == close.shiftNo())
                .orElseThrow(() -> new IllegalStateException("the SHIFT_OPEN of shift " + close.shiftNo()
                        + " is not in the till database's mirror"));
        long cash = close.shift().copayByPaymentMethod().getOrDefault("cash", 0L);
        long expected = Math.addExact(open.openingFloatFen(), cash);
        long counted = close.countedCashFen();
        return new ShiftCloseSummary(close.shiftNo(), open.openingFloatFen(), expected, counted,
                Math.subtractExact(counted, expected), close.shift());
    }

    private Optional<ShiftOpenPayload> lastShiftOpen() {
        return new JournalMirror(store.database()).lastOf(RecordType.SHIFT_OPEN).map(r -> (ShiftOpenPayload) r.typedPayload());
    }

    /** A sale from before the shift, for the tier lines of a reversal of an earlier shift's sale. */
    private Optional<SalePayload> saleAt(long seq) {
        return store.journal().read(seq)
                .filter(r -> r.type() == RecordType.SALE)
                .map(r -> (SalePayload) r.typedPayload());
    }
}
