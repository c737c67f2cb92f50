package org.yishi.server.policy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.config.calendar.CalendarLibrary;
import org.yishi.config.calendar.CalendarLoader;
import org.yishi.config.policy.PolicyFileException;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.core.calendar.CalendarYear;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.policy.Policy;
import org.yishi.server.common.ChangeCounter;

/**
 * Subsidy policy versions and working-day calendars, validated by the same loader as a till's ({@link PolicyLoader}):
 * what the server accepts a till can load. A (policy, version) is immutable; a calendar year may be replaced (the
 * official schedule for a provisional year). A canteen sells under the policy whose {@code applies_at} names its
 * district most specifically.
 */
@Service
public class PolicyLibrary {

    /** The outcome of an upload: stored (or already there), or refused with the loader's problems. */
    public sealed interface Upload {
        record Stored(String policyId, String version, long change) implements Upload {
        }

        record Refused(List<String> problems) implements Upload {
        }
    }

    private final PolicyMapper policies;
    private final ChangeCounter changes;
    private final Clock clock;

    public PolicyLibrary(PolicyMapper policies, ChangeCounter changes, Clock clock) {
        this.policies = policies;
        this.changes = changes;
        this.clock = clock;
    }

    /** Every stored calendar year, as the policy loader looks calendars up. */
    public CalendarLibrary calendars() {
        List<CalendarYear> years = policies.calendars().stream()
                .map(c -> CalendarLoader.loadText(c.calendarId() + "-" + c.calendarYear() + ".yaml", c.yamlText()).year().orElseThrow())
                .toList();
        return CalendarLoader.library(years);
    }

    @Transactional
    public Upload uploadPolicy(String yaml) {
        Policy policy;
        try {
            policy = new PolicyLoader().withCalendars(calendars()).parse("policy.yaml", yaml);
        } catch (PolicyFileException e) {
            return new Upload.Refused(e.problems().stream().map(Object::toString).toList());
        }
        String sha = JournalFormat.sha256Hex(yaml.getBytes(StandardCharsets.UTF_8));
        String held = policies.policySha(policy.id(), policy.version());
        if (sha.equals(held)) {
            return new Upload.Stored(policy.id(), policy.version(), 0);
        }
        if (held != null) {
            return new Upload.Refused(List.of("policy " + policy.id() + " version " + policy.version()
                    + " is already stored with other text: a changed policy needs a new version"));
        }
        long change = changes.bump();
        policies.insertPolicy(new PolicyMapper.PolicyRow(policy.id(), policy.version(), yaml, sha, policy.effectiveFrom(),
                String.join(";", policy.appliesAt()), policy.calendar().id().isEmpty() ? null : policy.calendar().id(), change),
                OffsetDateTime.now(clock));
        return new Upload.Stored(policy.id(), policy.version(), change);
    }

    /** Stores or replaces one calendar year; refused with the file's problems. */
    @Transactional
    public Upload uploadCalendar(String fileName, String yaml) {
        CalendarLoader.FileResult r = CalendarLoader.loadText(fileName, yaml);
        if (r.year().isEmpty()) {
            return new Upload.Refused(r.problems().stream().map(Object::toString).toList());
        }
        CalendarYear y = r.year().get();
        String sha = JournalFormat.sha256Hex(yaml.getBytes(StandardCharsets.UTF_8));
        String held = policies.calendarSha(y.calendarId(), y.year());
        if (sha.equals(held)) {
            return new Upload.Stored(y.calendarId(), String.valueOf(y.year()), 0);
        }
        long change = changes.bump();
        if (held == null) {
            policies.insertCalendar(y.calendarId(), y.year(), yaml, sha, change);
        } else {
            policies.updateCalendar(y.calendarId(), y.year(), yaml, sha, change);
        }
        return new Upload.Stored(y.calendarId(), String.valueOf(y.year()), change);
    }

    /** The stored versions of the policy a canteen in {@code district} sells under (most specific applies_at). */
    public List<PolicyMapper.PolicyRow> versionsFor(String district) {
        List<PolicyMapper.PolicyRow> all = policies.policies();
        Optional<String> best = all.stream()
                .filter(p -> matchLength(p.appliesAt(), district) >= 0)
                .max(Comparator.comparingInt(p -> matchLength(p.appliesAt(), district)))
                .map(PolicyMapper.PolicyRow::policyId);
        return best.map(id -> all.stream().filter(p -> p.policyId().equals(id)).toList()).orElse(List.of());
    }

    /** The policy id a canteen in {@code district} sells under, if any policy applies there. */
    public Optional<String> policyFor(String district) {
        return versionsFor(district).stream().map(PolicyMapper.PolicyRow::policyId).findFirst();
    }

    public List<PolicyMapper.CalendarRow> calendarRows() {
        return policies.calendars();
    }

    public long policyCount() {
        return policies.policyCount();
    }

    /** The longest applies_at prefix of {@code district}; 0 for a policy that applies everywhere; -1 for none. */
    private static int matchLength(String appliesAt, String district) {
        if (appliesAt.isEmpty()) {
            return 0;
        }
        int best = -1;
        for (String prefix : appliesAt.split(";")) {
            if (district.startsWith(prefix)) {
                best = Math.max(best, prefix.length());
            }
        }
        return best;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
