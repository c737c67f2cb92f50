package org.yishi.till.script;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scripted till's clock: a script line's {@code "at"} sets it, and from there it runs on at the normal rate, the
 * way time passes at a counter. Setting it earlier than the journal's last record is what a clock set back looks
 * like, and the till treats it so. Every zone view shares one setting (the till takes a view in its own zone).
 */
final class ScriptClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    ScriptClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO), base.getZone());
    }

    private ScriptClock(Clock base, AtomicReference<Duration> offset, ZoneId zone) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** From now on the clock reads {@code at}, and runs on from there. */
    void set(Instant at) {
        offset.set(Duration.between(base.instant(), at));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new ScriptClock(base, offset, z);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
