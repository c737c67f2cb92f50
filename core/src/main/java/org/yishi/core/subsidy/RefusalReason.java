package org.yishi.core.subsidy;

/**
 * Why no meal subsidy was granted. Each has a message key {@code refusal.<name in lower case>} in the
 * user-facing bundles. The sale may still go ahead at full price.
 */
public enum RefusalReason {
    /** The policy version is not in force on the purchase day. */
    POLICY_NOT_IN_FORCE,
    /** The canteen is outside the policy's territory ({@code applies_at}). */
    CANTEEN_NOT_COVERED,
    /** The registry recorded the elder's death on or before the purchase day. */
    ELDER_DECEASED,
    /** The elder is suspended or withdrawn. */
    ELDER_NOT_ACTIVE,
    /** The presented card was reported lost before the purchase. */
    CARD_LOST,
    /** The presented card was revoked before the purchase. */
    CARD_REVOKED,
    /**
     * The till's registry import refused this card's last row (a malformed status, say), so the card may be lost:
     * it is not used until the registry sends a valid row.
     */
    CARD_BLOCKED,
    /** The card belongs to another elder than the one being quoted. */
    CARD_MISMATCH,
    /** The meal slot is not one the policy defines. */
    UNKNOWN_MEAL_SLOT,
    /** The purchase time is outside the meal slot's window. */
    OUTSIDE_MEAL_WINDOW,
    /** Nothing in the purchase may be subsidised (no eligible items, or zero price). */
    NOTHING_ELIGIBLE,
    /** No rule's conditions hold for this elder and purchase. */
    NOT_ELIGIBLE,
    /** Rules apply but a limit (meals or amount per slot/day/week/month) is used up. */
    LIMIT_REACHED,
    /**
     * Not the engine's: the till's clock reads earlier than its own journal's last record (set back), so meal windows
     * and limits cannot be trusted until a supervisor confirms the time. The till refuses the subsidy with this.
     */
    CLOCK_NOT_TRUSTED
}
