package org.yishi.till.store.policy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.apache.ibatis.session.SqlSession;
import org.yishi.config.calendar.CalendarLibrary;
import org.yishi.config.calendar.CalendarLoader;
import org.yishi.core.journal.CalendarDigest;
import org.yishi.till.store.TillDatabase;

/**
 * The working-day calendar years a till counts {@code working_days} by, installed with the policies that name them.
 * A year's newer text replaces the older one (a provisional year by the official schedule); which text the till sold
 * under is in the journal (POLICY_UPDATE {@code calendars}), so replacing a row loses nothing the server needs.
 */
public final class CalendarStore {

    private final TillDatabase db;
    private final Clock clock;

    public CalendarStore(TillDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.addMapper(CalendarMapper.class);
    }

    /**
     * Installs calendar years in one transaction.
     *
     * @return whether any year was new or had a different text (the policy update must then be journalled again)
     */
    public boolean install(List<CalendarText> years) {
        Objects.requireNonNull(years, "years");
        boolean changed = false;
        try (SqlSession s = db.sessions().openSession()) {
            CalendarMapper m = s.getMapper(CalendarMapper.class);
            for (CalendarText c : years) {
                String id = c.year().calendarId();
                int year = c.year().year();
                String sha = c.sha256();
                if (sha.equals(m.sha256Of(id, year))) {
                    continue;
                }
                m.delete(id, year);
                m.insert(id, year, c.fileName(), c.yamlText(), sha, clock.instant().atOffset(ZoneOffset.UTC));
                changed = true;
            }
            s.commit();
        }
        return changed;
    }

    /** Every installed year, as the policy loader looks calendars up. */
    public CalendarLibrary library() {
        return CalendarLoader.library(installed().stream().map(CalendarText::year).toList());
    }

    /** The digests of every installed year, sorted. */
    public List<CalendarDigest> digests() {
        return installed().stream().map(CalendarText::digest).sorted().toList();
    }

    /** The digests of the installed years of {@code calendarId}, sorted: what a POLICY_UPDATE names. */
    public List<CalendarDigest> digests(String calendarId) {
        return installed().stream().filter(c -> c.year().calendarId().equals(calendarId)).map(CalendarText::digest).sorted().toList();
    }

    private List<CalendarText> installed() {
        try (SqlSession s = db.sessions().openSession()) {
            // Stored texts were valid when installed; parsing them again with the same loader cannot fail unless the
            // database was altered, which then stops the till with the file's name rather than selling on a guess.
            return s.getMapper(CalendarMapper.class).all().stream().map(r -> CalendarText.parse(r.fileName(), r.yamlText())).toList();
        }
    }
}
