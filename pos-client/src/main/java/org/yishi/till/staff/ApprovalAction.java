package org.yishi.till.staff;

import java.util.Locale;

/** The actions a supervisor must approve with their PIN (issue 5). */
public enum ApprovalAction {
    VOID,
    REFUND,
    MANUAL_IDENTIFICATION,
    NO_SALE_DRAWER,
    SHIFT_CLOSE_VARIANCE,
    /** The till's clock was found set back behind its journal: a supervisor confirms the time before subsidies resume. */
    CONFIRM_CLOCK;

    /** The code in the journal's STAFF record ({@code approvedAction}), e.g. {@code manual_identification}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
