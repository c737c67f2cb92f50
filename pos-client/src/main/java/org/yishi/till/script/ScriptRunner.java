package org.yishi.till.script;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.core.canteen.MenuItem;
import org.yishi.till.checkout.CheckoutDesk;
import org.yishi.till.checkout.CheckoutStep;
import org.yishi.till.checkout.ConfirmOutcome;
import org.yishi.till.checkout.Payment;
import org.yishi.till.checkout.ReprintResult;
import org.yishi.till.checkout.ReversalResult;
import org.yishi.till.checkout.Till;
import org.yishi.till.shift.CashCount;
import org.yishi.till.shift.ShiftCloseRefusedException;
import org.yishi.till.shift.ShiftCloseResult;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.staff.ApprovalResult;
import org.yishi.till.staff.ApprovalUse;
import org.yishi.till.staff.LoginResult;

/**
 * Carries out script lines on one till, through the same desk, counter, staff and shift services as the window. Each
 * line's outcome becomes one {@link ScriptResult}; a refusal by the till is carried out (state {@code refused} with
 * its {@code reason}), a line that cannot apply at all is not ({@code ok: false}, {@code error}).
 */
final class ScriptRunner {

    /** Where scripted taps and scans say they came from (ReaderEvent source). */
    private static final String SOURCE = "script";

    private final Till till;
    private final ScriptClock clock;
    private final ZoneId zone;
    private final CheckoutDesk desk;
    private OptionalLong lastSaleSeq = OptionalLong.empty();

    ScriptRunner(Till till, ScriptClock clock, ZoneId zone) {
        this.till = till;
        this.clock = clock;
        this.zone = zone;
        this.desk = till.desk();
    }

    ScriptResult run(ScriptLine line) {
        line.at().ifPresent(at -> clock.set(at.atZone(zone).toInstant()));
        try {
            return switch (line.action()) {
                case "login" -> login(line);
                case "logout" -> logout(line);
                case "open_shift" -> openShift(line);
                case "tap" -> step(line, desk.identify(new IdentificationEvent.CardTapped(clock.instant(), SOURCE, line.text("uid"), null)));
                case "qr" -> step(line, desk.identify(new IdentificationEvent.QrScanned(clock.instant(), SOURCE, line.text("payload"))));
                case "walk_in" -> step(line, desk.walkIn());
                case "manual" -> manual(line);
                case "items" -> items(line);
                case "confirm" -> confirm(line);
                case "cancel" -> cancel(line);
                case "void" -> reverse(line, ApprovalAction.VOID);
                case "refund" -> reverse(line, ApprovalAction.REFUND);
                case "reprint" -> reprint(line);
                case "rate" -> rate(line);
                case "close_shift" -> closeShift(line);
                case "confirm_clock" -> confirmClock(line);
                default -> throw new IllegalStateException("parser let through unknown action " + line.action());
            };
        } catch (IllegalStateException | IllegalArgumentException cannot) {
            // The till's own checks (no shift open, nobody logged in, a shift already open ...): not carried out.
            return ScriptResult.failed(line, cannot.getMessage());
        }
    }

    private ScriptResult login(ScriptLine line) {
        LoginResult result = till.staff().login(line.text("staff"), line.text("pin").toCharArray());
        if (result instanceof LoginResult.Ok ok) {
            return ScriptResult.done(line, "logged_in").with("staff", ok.staff().staffNo());
        }
        return ScriptResult.done(line, "refused").with("reason", loginReason(result));
    }

    private static String loginReason(LoginResult result) {
        if (result instanceof LoginResult.WrongPin) {
            return "wrong_pin";
        }
        if (result instanceof LoginResult.LockedOut) {
            return "locked_out";
        }
        if (result instanceof LoginResult.UnknownStaff) {
            return "unknown_staff";
        }
        return "not_allowed";
    }

    private ScriptResult logout(ScriptLine line) {
        desk.clear();
        till.staff().logout();
        return ScriptResult.done(line, "logged_out");
    }

    private ScriptResult openShift(ScriptLine line) {
        long shiftNo = till.shifts().open(line.integer("float_fen"));
        return ScriptResult.done(line, "shift_open").with("shift", shiftNo);
    }

    private ScriptResult manual(ScriptLine line) {
        Optional<Approval> approval = approve(line, ApprovalAction.MANUAL_IDENTIFICATION, "manual " + line.text("elder"));
        if (approval.isEmpty()) {
            return ScriptResult.done(line, "refused").with("reason", "approval_refused");
        }
        return step(line, desk.identifyManually(line.text("elder"), approval.get()));
    }

    private ScriptResult items(ScriptLine line) {
        if (desk.bill().isEmpty()) {
            return ScriptResult.failed(line, "no bill is open: tap, scan or walk_in first");
        }
        List<MenuItem> menu = till.counter().menu();
        List<MenuItem> chosen = new ArrayList<>();
        for (String id : line.texts("ids")) {
            Optional<MenuItem> item = menu.stream().filter(i -> i.id().equals(id)).findFirst();
            if (item.isEmpty()) {
                return ScriptResult.failed(line, "no item \"" + id + "\" on sale now; on sale: "
                        + String.join(", ", menu.stream().map(MenuItem::id).toList()));
            }
            chosen.add(item.get());
        }
        return step(line, desk.changeItems(chosen));
    }

    private ScriptResult confirm(ScriptLine line) {
        Optional<CheckoutStep.Ready> bill = desk.bill();
        if (bill.isEmpty()) {
            return ScriptResult.failed(line, "no bill is open: nothing to confirm");
        }
        Payment payment;
        String pay = line.text("pay");
        if (pay.equals("cash")) {
            payment = new Payment.Cash(line.args().containsKey("tendered_fen") ? line.integer("tendered_fen") : bill.get().quote().copayFen());
        } else if (pay.equals("other")) {
            payment = new Payment.Other(line.optionalText("method").orElse("other"), line.optionalText("ref").orElse(""));
        } else {
            return ScriptResult.failed(line, "pay must be \"cash\" or \"other\", not \"" + pay + "\"");
        }
        CheckoutDesk.Confirmed confirmed = desk.confirm(payment);
        ConfirmOutcome outcome = confirmed.outcome();
        ScriptResult result;
        if (outcome instanceof ConfirmOutcome.Sold sold) {
            lastSaleSeq = OptionalLong.of(sold.sale().seq());
            result = ScriptResult.done(line, "sale").quote(bill.get().quote()).with("receipt", sold.sale().receiptNo())
                    .with("seq", sold.sale().seq()).with("change_fen", sold.sale().changeFen())
                    .with("elder_id", bill.get().elder().map(e -> e.elderId()).orElse(null))
                    .with("printing", sold.sale().printing().name().toLowerCase(java.util.Locale.ROOT));
        } else if (outcome instanceof ConfirmOutcome.Requoted requoted) {
            result = ScriptResult.done(line, "requoted").quote(requoted.bill().quote()).with("bill", requoted.bill().billId());
        } else if (outcome instanceof ConfirmOutcome.Refused refused) {
            result = ScriptResult.done(line, "refused").with("reason", refused.code()).with("message", refused.message());
        } else if (outcome instanceof ConfirmOutcome.NotRecorded not) {
            result = ScriptResult.done(line, "not_recorded").with("message", not.message()).with("detail", not.detail());
        } else {
            ConfirmOutcome.Unresolved unresolved = (ConfirmOutcome.Unresolved) outcome;
            result = ScriptResult.done(line, "unresolved").with("message", unresolved.message()).with("detail", unresolved.detail());
        }
        confirmed.next().ifPresent(next -> describeNext(result, next));
        return result;
    }

    private ScriptResult cancel(ScriptLine line) {
        if (desk.bill().isEmpty()) {
            return ScriptResult.failed(line, "no bill is open: nothing to cancel");
        }
        ScriptResult result = ScriptResult.done(line, "cancelled");
        desk.cancel().ifPresent(next -> describeNext(result, next));
        return result;
    }

    /** The waiting customer taken up after a bill was done: what came up for them. */
    private static void describeNext(ScriptResult result, CheckoutStep next) {
        if (next instanceof CheckoutStep.Ready ready) {
            result.with("next_state", "bill").with("next_elder_id", ready.elder().map(e -> e.elderId()).orElse(null))
                    .with("next_copay_fen", ready.quote().copayFen());
        } else if (next instanceof CheckoutStep.Refused refused) {
            result.with("next_state", "refused").with("next_reason", refused.code());
        }
    }

    private ScriptResult reverse(ScriptLine line, ApprovalAction action) {
        String receipt = line.text("receipt");
        OptionalLong seq = till.counter().saleSeqOf(receipt);
        if (seq.isEmpty()) {
            return ScriptResult.failed(line, "no sale with receipt " + receipt + " at this till");
        }
        Optional<Approval> approval = approve(line, action, receipt);
        if (approval.isEmpty()) {
            return ScriptResult.done(line, "refused").with("reason", "approval_refused");
        }
        String reason = line.optionalText("reason").orElse(action == ApprovalAction.VOID ? "script void" : "script refund");
        ReversalResult result = action == ApprovalAction.VOID
                ? till.counter().voidSale(seq.getAsLong(), approval.get(), reason)
                : till.counter().refund(receipt, approval.get(), reason);
        if (!result.done()) {
            return ScriptResult.done(line, "refused").with("reason", "reversal_refused").with("message", result.refusal().orElse(""))
                    .with("receipt", receipt);
        }
        return ScriptResult.done(line, action == ApprovalAction.VOID ? "voided" : "refunded").with("receipt", receipt)
                .with("seq", result.seq().orElseThrow()).with("copay_back_fen", result.copayBackFen());
    }

    private ScriptResult reprint(ScriptLine line) {
        String receipt = line.text("receipt");
        OptionalLong seq = till.counter().saleSeqOf(receipt);
        if (seq.isEmpty()) {
            return ScriptResult.failed(line, "no sale with receipt " + receipt + " at this till");
        }
        ReprintResult result = till.counter().reprint(seq.getAsLong(), line.optionalText("reason").orElse("script reprint"));
        return ScriptResult.done(line, "reprinted").with("receipt", receipt).with("seq", result.seq()).with("count", result.reprintCount());
    }

    private ScriptResult rate(ScriptLine line) {
        if (lastSaleSeq.isEmpty()) {
            return ScriptResult.failed(line, "no sale to rate yet in this script");
        }
        till.counter().rate(lastSaleSeq.getAsLong(), Math.toIntExact(line.integer("value")));
        return ScriptResult.done(line, "rated").with("sale_seq", lastSaleSeq.getAsLong());
    }

    private ScriptResult closeShift(ScriptLine line) {
        if (till.shifts().openShiftNo().isEmpty()) {
            return ScriptResult.failed(line, "no shift is open");
        }
        CashCount counted = CashCount.ofTotal(line.integer("counted_fen"), till.shifts().settings().denominationsFen());
        Optional<Approval> approval = Optional.empty();
        if (line.args().containsKey("supervisor")) {
            approval = approve(line, ApprovalAction.SHIFT_CLOSE_VARIANCE, "shift close");
            if (approval.isEmpty()) {
                return ScriptResult.done(line, "refused").with("reason", "approval_refused");
            }
        }
        try {
            ShiftCloseResult closed = till.closeShift(counted, approval);
            desk.clear();
            return ScriptResult.done(line, "shift_closed").with("seq", closed.seq())
                    .with("expected_cash_fen", closed.summary().expectedCashFen())
                    .with("variance_fen", closed.summary().varianceFen())
                    .with("unacknowledged", closed.unacknowledged().isPresent() ? closed.unacknowledged().getAsLong() : null);
        } catch (ShiftCloseRefusedException refused) {
            return ScriptResult.done(line, "refused").with("reason", "variance_needs_approval").with("message", refused.getMessage())
                    .with("variance_fen", refused.summary().varianceFen());
        }
    }

    private ScriptResult confirmClock(ScriptLine line) {
        Optional<Approval> approval = approve(line, ApprovalAction.CONFIRM_CLOCK, "clock");
        if (approval.isEmpty()) {
            return ScriptResult.done(line, "refused").with("reason", "approval_refused");
        }
        if (till.counter().confirmClock(approval.get()) instanceof ApprovalUse.Refused refused) {
            return ScriptResult.done(line, "refused").with("reason", "approval_" + refused.reason().name().toLowerCase(java.util.Locale.ROOT));
        }
        return ScriptResult.done(line, "clock_confirmed");
    }

    private Optional<Approval> approve(ScriptLine line, ApprovalAction action, String detail) {
        ApprovalResult result = till.staff().approve(line.text("supervisor"), line.text("pin").toCharArray(), action, detail);
        return result instanceof ApprovalResult.Approved approved ? Optional.of(approved.approval()) : Optional.empty();
    }

    private ScriptResult step(ScriptLine line, CheckoutStep step) {
        if (step instanceof CheckoutStep.Ready ready) {
            return ScriptResult.done(line, "bill").quote(ready.quote())
                    .with("elder_id", ready.elder().map(e -> e.elderId()).orElse(null))
                    .with("bill", ready.billId()).with("slot", ready.mealSlot().orElse(null))
                    .with("usage_check", ready.usageCount().code().orElse(null));
        }
        if (step instanceof CheckoutStep.Refused refused) {
            return ScriptResult.done(line, "refused").with("reason", refused.code())
                    .with("elder_id", refused.elder().map(e -> e.elderId()).orElse(null)).with("message", refused.message());
        }
        CheckoutStep.Waiting waiting = (CheckoutStep.Waiting) step;
        return ScriptResult.done(line, "waiting").with("next", waiting.next())
                .with("elder_id", waiting.openBill().elder().map(e -> e.elderId()).orElse(null))
                .with("copay_fen", waiting.openBill().quote().copayFen());
    }
}
