package org.yishi.core.journal;

/**
 * One working-day calendar year a policy was installed with, in a POLICY_UPDATE: which year file, and the SHA-256 of
 * its text, so the server knows which holidays and make-up working days the till counted as working days.
 *
 * @param calendar      the calendar id the policy names ({@code cn})
 * @param year          the year the file covers
 * @param contentSha256 hex SHA-256 of the calendar file's text as installed
 */
public record CalendarDigest(String calendar, long year, String contentSha256) implements Comparable<CalendarDigest> {

    public CalendarDigest {
        Checks.code("calendar", calendar);
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year must be 1..9999, found " + year);
        }
        Checks.sha256("contentSha256", contentSha256);
    }

    /** In the record by calendar, then year: one byte form for one set of calendars. */
    @Override
    public int compareTo(CalendarDigest o) {
        int c = calendar.compareTo(o.calendar);
        return c != 0 ? c : Long.compare(year, o.year);
    }
}
