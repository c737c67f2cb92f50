package org.yishi.core.elder;

/** A card's lifecycle. Only ACTIVE cards identify an elder for subsidy. */
public enum CardStatus {
    ACTIVE,
    /** Reported lost by the elder or family: use after {@code since} is a fraud signal. */
    LOST,
    /** Withdrawn by the administrator (replaced, damaged, elder left the scheme). */
    REVOKED,
    /**
     * Set by the till, never by the registry: the till's import refused the registry's row for this card, so its
     * real status (it may have been reported lost) is unknown. Unusable until a valid row arrives; never active,
     * whatever its {@code since}.
     */
    BLOCKED
}
