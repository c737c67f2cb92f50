package org.yishi.core.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock (in Asia/Shanghai unless told) that moves forward by a fixed step each time it is read: deterministic record times. */
final class SteppingClock extends Clock {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private Instant next;
    private final Duration step;
    private final ZoneId zone;

    SteppingClock(Instant start, Duration step) {
        this(start, step, SHANGHAI);
    }

    /** A stepping clock in another zone: the offset a record's time is written with comes from it. */
    SteppingClock(Instant start, Duration step, ZoneId zone) {
        this.next = start;
        this.step = step;
        this.zone = zone;
    }

    static SteppingClock lunchtime() {
        return new SteppingClock(Instant.parse("2025-03-03T03:30:00Z"), Duration.ofSeconds(7));
    }

    void jump(Duration by) {
        next = next.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        Instant now = next;
        next = next.plus(step);
        return now;
    }
}
