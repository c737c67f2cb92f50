package org.yishi.core.subsidy;

/**
 * The conditions of an {@link org.yishi.core.policy.Eligibility}, in the order they are checked. The order
 * only matters for speed and for which failure is named first in an explanation: every condition must hold.
 */
enum EligibilityCondition {
    /** The rule's own effective dates (meal rules only). */
    RULE_IN_FORCE,
    AGE,
    /** The whole category condition; a refusal detail counts and names its conjuncts one by one. */
    CATEGORIES,
    REGISTERED_IN,
    /** Where the elder lives (常住). */
    RESIDES_IN,
    LOCALITY,
    CHANNEL,
    MEAL_SLOT,
    WEEKDAY,
    /** Working days / rest days of the policy's calendar. */
    CALENDAR_DAYS,
    MIN_PRICE
}
