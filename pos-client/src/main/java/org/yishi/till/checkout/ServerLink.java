package org.yishi.till.checkout;

import java.time.LocalDate;

/**
 * What the checkout asks of the till's settlement server, attached when the till is enrolled
 * ({@link Till#attach(ServerLink)}; the sync client implements it). Without one the till sells on its own knowledge.
 */
public interface ServerLink {

    /** A till without a server. */
    ServerLink NONE = (elderId, day) -> UsageCount.OWN_TILL;

    /**
     * Brings the elder's subsidised meals at other tills up to date for the limit windows around {@code day}, if the
     * server answers within its short timeout; never takes longer than that timeout, never throws for a network
     * failure.
     *
     * @return how the quote that follows counts other tills' meals
     */
    UsageCount checkUsage(String elderId, LocalDate day);
}
