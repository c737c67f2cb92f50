package org.yishi.core.elder;

import java.time.LocalDate;
import java.util.Objects;

/** From {@code effectiveFrom} on (inclusive), the elder is in {@code state}. */
public record StatusChange(ElderState state, LocalDate effectiveFrom) {
    public StatusChange {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }
}
