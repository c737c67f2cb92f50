package org.yishi.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to: the demo runs a lunchtime in seconds with it, and tests pin journal record
 * and sale times. Never used by a real till, which runs on the system clock.
 *
 * <p>{@link #withZone} gives a view of the same clock in another zone: moving either moves both, as with the system
 * clock (a till takes a view in its own zone, and the demo moves the clock it made).
 */
public final class ManualClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Instant> now;

    public ManualClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), zone);
    }

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new ManualClock(now, z);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
