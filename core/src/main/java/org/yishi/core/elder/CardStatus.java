package org.yishi.core.elder;

/** A card's lifecycle. Only ACTIVE cards identify an elder for subsidy. */
public enum CardStatus {
    ACTIVE,
    /** Reported lost by the elder or family: use after {@code since} is a fraud signal. */
    LOST,
    /** Withdrawn by the administrator (replaced, damaged, elder left the scheme). */
    REVOKED
}
