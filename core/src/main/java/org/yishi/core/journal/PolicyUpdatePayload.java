package org.yishi.core.journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * POLICY_UPDATE: a subsidy policy version took effect on the till.
 *
 * @param policyId      policy id
 * @param policyVersion its version
 * @param contentSha256 hex SHA-256 of the policy file as loaded, so the server can prove which rules were applied
 * @param calendars     the working-day calendar years installed with it, when the policy names a calendar (its
 *                      {@code working_days} rules count by them); empty otherwise. Written only when not empty, so
 *                      records from before the field existed read and hash unchanged. Sorted, no year twice.
 */
public record PolicyUpdatePayload(String policyId, String policyVersion, String contentSha256, List<CalendarDigest> calendars)
        implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("policyId", "policyVersion", "contentSha256");
    private static final Set<String> MAY_BE_ABSENT = Set.of("calendars");
    private static final Set<String> CALENDAR_FIELDS = Set.of("calendar", "year", "contentSha256");

    public PolicyUpdatePayload {
        Checks.text("policyId", policyId);
        Checks.text("policyVersion", policyVersion);
        Checks.sha256("contentSha256", contentSha256);
        List<CalendarDigest> sorted = new ArrayList<>(calendars);
        Collections.sort(sorted);
        if (!sorted.equals(calendars)) {
            throw new IllegalArgumentException("calendars must be sorted by calendar, then year");
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).compareTo(sorted.get(i - 1)) == 0) {
                throw new IllegalArgumentException("calendars lists " + sorted.get(i).calendar() + " " + sorted.get(i).year() + " twice");
            }
        }
        calendars = List.copyOf(calendars);
    }

    /** A policy that names no working-day calendar. */
    public PolicyUpdatePayload(String policyId, String policyVersion, String contentSha256) {
        this(policyId, policyVersion, contentSha256, List.of());
    }

    @Override
    public RecordType type() {
        return RecordType.POLICY_UPDATE;
    }

    @Override
    public Map<String, Object> toPayload() {
        Map<String, Object> fields = PayloadFields.payload("policyId", policyId, "policyVersion", policyVersion, "contentSha256", contentSha256);
        if (calendars.isEmpty()) {
            return fields;
        }
        TreeMap<String, Object> withCalendars = new TreeMap<>(fields);
        withCalendars.put("calendars", calendars.stream()
                .map(c -> PayloadFields.payload("calendar", c.calendar(), "year", c.year(), "contentSha256", c.contentSha256()))
                .toList());
        return Collections.unmodifiableMap(withCalendars);
    }

    static PolicyUpdatePayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS, MAY_BE_ABSENT);
        List<CalendarDigest> calendars = new ArrayList<>();
        if (payload.containsKey("calendars")) {
            List<PayloadFields> entries = f.objects("calendars", CALENDAR_FIELDS);
            if (entries.isEmpty()) {
                // One byte form: no calendars is the member left out, never an empty array.
                throw f.error("calendars", "an empty array is not allowed: the field is left out when there are no calendars");
            }
            for (PayloadFields c : entries) {
                try {
                    calendars.add(new CalendarDigest(c.text("calendar"), c.integer("year"), c.text("contentSha256")));
                } catch (IllegalArgumentException e) {
                    throw f.error("calendars", e.getMessage());
                }
            }
        }
        try {
            return new PolicyUpdatePayload(f.text("policyId"), f.text("policyVersion"), f.text("contentSha256"), calendars);
        } catch (IllegalArgumentException e) {
            throw f.error("calendars", e.getMessage());
        }
    }
}
