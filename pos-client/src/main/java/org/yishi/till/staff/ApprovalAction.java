package org.yishi.till.staff;

import java.util.Locale;

/** The actions a supervisor must approve with their PIN (issue 5). */
public enum ApprovalAction {
    VOID,
    REFUND,
    MANUAL_IDENTIFICATION,
    NO_SALE_DRAWER,
    SHIFT_CLOSE_VARIANCE;

    /** The code in the journal's STAFF record ({@code approvedAction}), e.g. {@code manual_identification}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
