package org.yishi.config.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.yishi.core.calendar.CalendarYear;
import org.yishi.core.policy.Policy;

/**
 * Warnings for a policy's working-day calendar, for {@code yishi policy check}: years of the policy's life that no
 * calendar file covers (working-day rules then grant nothing on those days) and provisional years. Warnings, not
 * problems: the policy loads and pays correctly on every day the calendar does cover.
 */
public final class CalendarCoverage {

    private CalendarCoverage() {
    }

    /**
     * @param today the day the check runs; an open-ended policy is checked up to the end of next year
     */
    public static List<String> warnings(Policy policy, LocalDate today) {
        List<String> out = new ArrayList<>();
        if (policy.calendar().id().isEmpty()) {
            return out;
        }
        String id = policy.calendar().id();
        int first = Math.max(policy.effectiveFrom().getYear(), today.getYear());
        int last = policy.effectiveTo().map(LocalDate::getYear).orElse(today.getYear() + 1);
        for (int year = first; year <= last; year++) {
            int y = year;
            if (policy.calendar().years().stream().noneMatch(c -> c.year() == y)) {
                out.add("calendar " + id + " has no " + year + " (no calendars/" + id + "-" + year + ".yaml): on days of " + year
                        + " working_days / rest_days never hold, so those rules grant nothing");
            }
        }
        for (CalendarYear y : policy.calendar().years()) {
            if (y.provisional() && y.year() >= first && y.year() <= last) {
                out.add("calendar " + id + " " + y.year() + " is provisional (" + y.source() + "): holidays and make-up working days"
                        + " are not the official schedule; replace calendars/" + id + "-" + y.year() + ".yaml when it is published");
            }
        }
        return out;
    }
}
