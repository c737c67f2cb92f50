package org.yishi.till.checkout;

import java.util.Optional;
import java.util.OptionalLong;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.staff.ApprovalUse;

/**
 * What the counter needs to know about the till around it: who sells, in which shift, online or not, and whether a
 * supervisor's approval may be used.
 */
interface SellingContext {

    /** The logged-in staff number, if someone is logged in and the till is not locked. */
    Optional<String> cashierNo();

    /** A staff member's name as receipts print it. */
    String displayName(String staffNo);

    /** The open shift's number. */
    OptionalLong openShiftNo();

    /** Whether the till is working without its server (the sale records say so). */
    boolean offline();

    /** Asks the server (if the till has one) for the elder's meals at other tills before a quote ({@link ServerLink}). */
    UsageCount checkUsage(String elderId, java.time.LocalDate day);

    /** Uses an approval for {@code action} through the staff service ({@link org.yishi.till.staff.StaffService#use}). */
    ApprovalUse useApproval(Approval approval, ApprovalAction action);
}
