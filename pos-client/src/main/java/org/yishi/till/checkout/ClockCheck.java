package org.yishi.till.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.subsidy.Refusal;
import org.yishi.core.subsidy.RefusalReason;

/**
 * Whether the till's clock can be trusted with subsidy. Meal windows and limits are counted by the clock; a clock set
 * back (to get a second lunch into "yesterday", or by a flat CMOS battery) would let limits be counted twice. So a
 * clock that reads earlier than the latest time the journal has reached by more than the tolerance stops subsidy —
 * full price is still possible — until a supervisor confirms the time (a STAFF clock_confirmed record, which resets
 * that mark to now). Records written meanwhile (refusals, full-price sales, the approval itself) do not lower the
 * mark, or any record would quietly confirm the early clock. A clock moving forward is normal (a till is off overnight); one far ahead is the server's to catch at sync.
 */
final class ClockCheck {

    /** How far the clock may read behind the last record: NTP steps and a record written during a step stay well inside. */
    static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final Clock clock;
    private final Supplier<Optional<OffsetDateTime>> latestRecordTime;
    private final Duration tolerance;

    ClockCheck(Clock clock, Supplier<Optional<OffsetDateTime>> latestRecordTime, Duration tolerance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.latestRecordTime = Objects.requireNonNull(latestRecordTime, "latestRecordTime");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("clock tolerance must not be negative: " + tolerance);
        }
    }

    /** The refusal to put on every subsidy while the clock reads too far behind the journal, or empty. */
    Optional<Refusal> refusal() {
        Instant now = clock.instant();
        return latestRecordTime.get()
                .filter(last -> now.isBefore(last.toInstant().minus(tolerance)))
                .map(last -> new Refusal(RefusalReason.CLOCK_NOT_TRUSTED, "till clock reads "
                        + JournalFormat.formatTime(OffsetDateTime.ofInstant(now, clock.getZone())) + ", "
                        + Duration.between(now, last.toInstant()) + " before the latest record time of the journal, "
                        + JournalFormat.formatTime(last)));
    }
}
