package org.yishi.till.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The demo's clock: it stands still until the demo moves it on, so a lunchtime takes seconds, not hours. */
final class DemoClock extends Clock {
    private final ZoneId zone;
    private Instant now;

    DemoClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new DemoClock(now, z);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
