package org.yishi.core.policy;

/**
 * Which days of the policy's working-day calendar ({@link org.yishi.core.calendar.WorkCalendar}) a rule or limit is
 * about: {@code days: working_days} in a policy file is "working-day lunches", counted with the holidays and make-up
 * working days (调休) of the calendar, not by the day of the week.
 */
public enum CalendarDays {
    /** No condition. */
    ANY,
    /** Working days: Monday to Friday outside public holidays, and make-up working Saturdays/Sundays. */
    WORKING_DAYS,
    /** Rest days: weekends that are not make-up working days, and public holidays. */
    REST_DAYS
}
