package org.yishi.core.policy;

/** The period a limit counts over, in the policy's time zone. */
public enum LimitWindow {
    /** One meal slot on one day (Guangzhou: one subsidy per lunch and per dinner). */
    MEAL_SLOT,
    /** A calendar day. */
    DAY,
    /** An ISO week, Monday to Sunday. */
    WEEK,
    /** A calendar month. */
    MONTH
}
