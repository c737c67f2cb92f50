package org.yishi.sync.protocol;

import java.util.Objects;

/**
 * A till's periodic "I am here": what it runs and how far behind it is. The server compares {@code tillTime} with
 * its own clock and flags a skew beyond its configured limit.
 *
 * @param tillId          the till
 * @param software        the till's software version
 * @param policyVersion   installed policy ({@code id version})
 * @param registryChange  the last change number the till applied (0: none)
 * @param recordsWaiting  journal records not yet acknowledged
 * @param lastSeq         the till's last journal seq
 * @param tillTime        the till's clock (canonical journal time)
 */
public record Heartbeat(String tillId, String software, String policyVersion, long registryChange, long recordsWaiting,
        long lastSeq, String tillTime) {
    public Heartbeat {
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(tillTime, "tillTime");
    }
}
