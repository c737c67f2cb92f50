package org.yishi.core.journal;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads a record time that is already in the one canonical form {@code yyyy-MM-ddTHH:mm:ss.SSS±hh:mm} without the
 * general ISO parser and formatter, which were a tenth of a journal verification. It only answers for the good case:
 * any text it does not recognise as canonical gets {@code null}, and the caller goes on to the general parse, which
 * names the problem exactly as before.
 *
 * <p>Equivalence with "{@code OffsetDateTime.parse(text)} succeeds and {@link JournalFormat#formatTime} gives
 * {@code text} back": the positions of digits and separators are fixed here as in
 * {@link JournalFormat#TIME_PATTERN}; {@code OffsetDateTime.of} and {@code ZoneOffset.ofHoursMinutes} reject the
 * same field values as the strict ISO parser (month 13, 30 February, hour 24, offset beyond ±18:00); and the only
 * valid text that formats differently is the offset {@code -00:00}, which is refused here.
 */
final class CanonicalTime {

    /** {@code 2025-03-03T11:31:04.500+08:00}. */
    private static final int LENGTH = 29;

    private CanonicalTime() {
    }

    /** The time {@code text} denotes if it is canonical, else null (not canonical, not a time, or out of range). */
    static OffsetDateTime parse(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(26) != ':') {
            return null;
        }
        char sign = text.charAt(23);
        if (sign != '+' && sign != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = digits(text, 20, 3);
        int offsetHours = digits(text, 24, 2);
        int offsetMinutes = digits(text, 27, 2);
        if ((year | month | day | hour | minute | second | millis | offsetHours | offsetMinutes) < 0) {
            return null;
        }
        if (sign == '-' && offsetHours == 0 && offsetMinutes == 0) {
            return null; // "-00:00" is written "+00:00": not canonical
        }
        try {
            ZoneOffset offset = sign == '+' ? ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes)
                    : ZoneOffset.ofHoursMinutes(-offsetHours, -offsetMinutes);
            return OffsetDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or −1 if one of them is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
