package org.yishi.core.policy;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A meal slot with its serving window [start, end), e.g. lunch 10:30–13:30. Codes are policy data.
 */
public record MealSlot(String code, String name, LocalTime start, LocalTime end) {
    public MealSlot {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("meal slot " + code + ": window must start before it ends: " + start + "-" + end);
        }
    }

    public boolean contains(LocalTime t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    public boolean overlaps(MealSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
