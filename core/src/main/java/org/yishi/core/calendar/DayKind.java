package org.yishi.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a day is in a {@link WorkCalendar}: a working day, a rest day, or not known because no calendar year covering
 * it is loaded. Never a guess: a day of an unloaded year is {@link Unknown}, and whoever asks decides what that means
 * (the engine: a {@code working_days} condition does not hold, a limit counting working days counts it).
 */
public sealed interface DayKind {

    LocalDate day();

    /** Why the day is what it is, for explanations: "weekday", "holiday 春节", "make-up working day for 春节", "weekend". */
    String why();

    /** A day people work: Monday to Friday outside holidays, or a make-up Saturday/Sunday. */
    record WorkingDay(LocalDate day, String why) implements DayKind {
        public WorkingDay {
            Objects.requireNonNull(day, "day");
        }
    }

    /** A weekend day that is not worked, or a public holiday. */
    record RestDay(LocalDate day, String why) implements DayKind {
        public RestDay {
            Objects.requireNonNull(day, "day");
        }
    }

    /** No loaded calendar year covers the day. */
    record Unknown(LocalDate day, String why) implements DayKind {
        public Unknown {
            Objects.requireNonNull(day, "day");
        }
    }
}
