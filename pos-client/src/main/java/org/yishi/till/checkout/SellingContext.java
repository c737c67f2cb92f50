package org.yishi.till.checkout;

import java.util.Optional;
import java.util.OptionalLong;

/** What the counter needs to know about the till around it: who sells, in which shift, online or not. */
interface SellingContext {

    /** The logged-in staff number, if someone is logged in and the till is not locked. */
    Optional<String> cashierNo();

    /** A staff member's name as receipts print it. */
    String displayName(String staffNo);

    /** The open shift's number. */
    OptionalLong openShiftNo();

    /** Whether the till is working without its server (the sale records say so). */
    boolean offline();
}
