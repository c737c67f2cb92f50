package org.yishi.core.time;

import java.time.LocalTime;
import java.util.Objects;

/** Serving hours [start, end) within one day, e.g. lunch 10:30–13:30: 10:30:00 is in, 13:30:00 is not. */
public record ServingWindow(LocalTime start, LocalTime end) {
    public ServingWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("window must start before it ends: " + start + "-" + end);
        }
    }

    public boolean contains(LocalTime t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    public boolean overlaps(ServingWindow other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** As written in files: {@code 10:30-13:30}. */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
