package org.yishi.till.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yishi.core.journal.JournalWriter;
import org.yishi.core.journal.CalendarDigest;
import org.yishi.core.journal.PolicyUpdatePayload;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.RegistryUpdatePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.KeyHistory;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.policy.Policy;
import org.yishi.till.store.ledger.JournalMirror;
import org.yishi.till.store.ledger.JournalOpener;
import org.yishi.till.store.ledger.RecordedButNotIndexedException;
import org.yishi.till.store.ledger.SalesIndex;
import org.yishi.till.store.ledger.TillJournal;
import org.yishi.till.store.menu.MenuStore;
import org.yishi.till.store.policy.InstalledPolicy;
import org.yishi.till.store.policy.CalendarStore;
import org.yishi.till.store.usage.LimitHistory;
import org.yishi.till.store.usage.RemoteUsageStore;
import org.yishi.till.store.policy.CalendarText;
import org.yishi.till.store.policy.PolicyStore;
import org.yishi.config.category.CategoryVocabulary;
import org.yishi.till.store.registry.RegistryCache;
import org.yishi.till.store.registry.RegistryCsvImporter;
import org.yishi.till.store.registry.RegistryExport;

/**
 * A till's storage, opened and recovered: the signed journal file (system of record), and the H2 database holding the
 * registry/policy/menu cache and the journal's mirror and sales index.
 *
 * <p>Opening: the database first (its file lock keeps a second till process out), then the journal, whose writer cuts
 * off a torn last line; then the mirror is checked against the journal and brought up to date. If H2 itself cannot be
 * read, its files are moved aside (never deleted), a new database is built from the journal, and the report says the
 * registry, policy and menu must be imported again. A mirror that disagrees with the journal is never repaired
 * silently: open fails with {@link org.yishi.till.store.ledger.MirrorMismatchException}.
 */
public final class TillStore implements AutoCloseable {

    private final TillDatabase db;
    private final TillJournal journal;
    private final TillKeyRing keys;
    private final TillStoreOpenReport report;
    private final SalesIndex sales;
    private final RegistryCache registry;
    private final PolicyStore policies;
    private final CalendarStore calendars;
    private final RemoteUsageStore remoteUsage;
    private final org.yishi.till.store.sync.SyncServerState syncServer;
    private final LimitHistory limitHistory;
    private final MenuStore menus;

    private final ShutdownMarker marker;

    private TillStore(String tillId, TillDatabase db, TillJournal journal, TillKeyRing keys, Clock clock, ShutdownMarker marker, boolean unclean,
            boolean importInterrupted, boolean rebuilt, Optional<Path> quarantinedTo, Optional<String> reason) {
        this.db = db;
        this.journal = journal;
        this.keys = keys;
        this.marker = marker;
        this.sales = new SalesIndex(db, tillId);
        this.remoteUsage = new RemoteUsageStore(db, tillId, clock.getZone());
        this.syncServer = new org.yishi.till.store.sync.SyncServerState(db);
        this.limitHistory = new LimitHistory(sales, remoteUsage);
        this.registry = new RegistryCache(db);
        this.policies = new PolicyStore(db, clock);
        this.calendars = new CalendarStore(db, clock);
        this.menus = new MenuStore(db, clock);
        JournalMirror mirror = new JournalMirror(db);
        List<String> registryProblems = CacheCheck.registryProblems(mirror, registry);
        List<String> policyProblems = CacheCheck.policyProblems(mirror, policies, calendars);
        List<String> cacheProblems = new ArrayList<>(registryProblems);
        cacheProblems.addAll(policyProblems);
        this.report = new TillStoreOpenReport(journal.recovery(), unclean, importInterrupted, rebuilt, quarantinedTo, reason,
                !registry.imported() || !registryProblems.isEmpty(), policies.policyIds().isEmpty() || !policyProblems.isEmpty(),
                menus.canteens().isEmpty(), cacheProblems);
    }

    /**
     * Opens (creating if new) the till store in {@code dir}.
     *
     * @param tillId the till's id (names the journal file)
     * @param clock  record times; its zone is the zone sales are indexed in (Asia/Shanghai)
     */
    public static TillStore open(TillDataDirectory dir, String tillId, Clock clock) {
        Objects.requireNonNull(tillId, "tillId");
        dir.create();
        TillKeyRing keys = new TillKeyRing(dir);
        keys.open(dir.journalFile(tillId));
        // The key is asked for at every (re)open of the writer: after a rotation it is the new one.
        JournalOpener opener = resume -> resume
                .map(from -> JournalWriter.open(dir.journalFile(tillId), keys.current(), tillId, clock, from))
                .orElseGet(() -> JournalWriter.open(dir.journalFile(tillId), keys.current(), tillId, clock));
        ZoneId zone = clock.getZone();
        ShutdownMarker marker = new ShutdownMarker(dir.databaseDir());
        boolean unclean = Files.exists(dir.databaseFile()) && !marker.present();
        Path importMarker = dir.databaseDir().resolve(TillDatabase.IMPORT_MARKER);
        TillDatabase db = null;
        TillJournal journal = null;
        try {
            db = TillDatabase.open(dir.databaseDir());
            marker.clear();
            boolean importInterrupted = Files.exists(importMarker);
            if (importInterrupted) {
                new RegistryCache(db).discardInterruptedImport();
                Files.delete(importMarker);
            }
            journal = TillJournal.open(db, opener, zone, unclean);
            return new TillStore(tillId, db, journal, keys, clock, marker, unclean, importInterrupted, false, Optional.empty(), Optional.empty());
        } catch (IOException e) {
            closeQuietly(journal, db, new UncheckedIOException(e));
            throw new UncheckedIOException("cannot remove " + importMarker + ": " + e.getMessage(), e);
        } catch (RuntimeException failure) {
            closeQuietly(journal, db, failure);
            if (!DatabaseFailure.isDamage(failure)) {
                throw failure;
            }
            Path quarantined = new DatabaseQuarantine(dir, clock).moveAside();
            System.getLogger(TillStore.class.getName()).log(System.Logger.Level.ERROR,
                    "till database {0} is damaged ({1}); moved to {2}, rebuilding from the journal",
                    dir.databaseFile(), rootMessage(failure), quarantined);
            TillDatabase fresh = TillDatabase.open(dir.databaseDir());
            TillJournal rebuilt = null;
            try {
                marker.clear();
                deleteIfExists(importMarker);
                rebuilt = TillJournal.open(fresh, opener, zone, false);
                return new TillStore(tillId, fresh, rebuilt, keys, clock, marker, unclean, false, true, Optional.of(quarantined),
                        Optional.of(rootMessage(failure)));
            } catch (RuntimeException e) {
                closeQuietly(rebuilt, fresh, e);
                throw e;
            }
        }
    }

    public TillJournal journal() {
        return journal;
    }

    public SalesIndex sales() {
        return sales;
    }

    public RegistryCache registry() {
        return registry;
    }

    public PolicyStore policies() {
        return policies;
    }

    public MenuStore menus() {
        return menus;
    }

    public TillDatabase database() {
        return db;
    }

    /**
     * Imports a registry export (elders.csv or a download's till-elders.csv, + cards.csv, full or delta as its
     * manifest says), compacts the database, remembers the snapshot in the cache and journals a REGISTRY_UPDATE naming
     * the SHA-256 of the two files (the elders file's bytes, then cards.csv's) and the mode — so that the snapshot a
     * till worked with is on record, and a cache that later falls behind it is noticed on open. Run it while the till
     * is not serving.
     */
    public RegistryCsvImporter.Result importRegistry(RegistryExport export, CategoryVocabulary vocabulary, String registryVersion) {
        String sha = FileDigest.sha256(export.elders(), export.cards());
        RegistryCsvImporter.Result result = new RegistryCsvImporter(registry).importRegistry(export, vocabulary);
        registry.recordSnapshot(export.elders().getFileName() + "+" + export.cards().getFileName(), registryVersion, sha,
                result.elders().accepted());
        journal.append(new RegistryUpdatePayload(registryVersion, sha, result.elders().accepted(), export.manifest().mode()));
        return result;
    }

    /**
     * Installs a policy version and, the first time, journals a POLICY_UPDATE with the SHA-256 of its text: the server
     * can then prove which rules the till applied, and a till whose cache lost the policy notices it on open.
     *
     * @throws IllegalArgumentException if the policy names a working-day calendar: use
     *                                  {@link #installPolicy(Policy, String, List)} with the calendar's years
     */
    public InstalledPolicy installPolicy(Policy policy, String yamlText) {
        return installPolicy(policy, yamlText, List.of());
    }

    /**
     * Installs a policy version with the working-day calendar years it counts {@code working_days} by, and journals a
     * POLICY_UPDATE naming the policy text and each calendar year's text by SHA-256 — again whenever a year's text
     * changed (the official schedule replacing a provisional year), so every day's working-day answer is traceable.
     *
     * @param calendars the years of the calendar the policy names (empty for a policy that names none)
     * @throws IllegalArgumentException if the policy names a calendar and no year of it is given, or a given year is
     *                                  of another calendar
     */
    public InstalledPolicy installPolicy(Policy policy, String yamlText, List<CalendarText> calendars) {
        String calendarId = policy.calendar().id();
        for (CalendarText c : calendars) {
            if (!c.year().calendarId().equals(calendarId)) {
                throw new IllegalArgumentException("calendar " + c.fileName() + " is not the calendar policy " + policy.id() + " "
                        + policy.version() + " names (" + (calendarId.isEmpty() ? "none" : calendarId) + ")");
            }
        }
        if (!calendarId.isEmpty() && calendars.isEmpty()) {
            throw new IllegalArgumentException("policy " + policy.id() + " " + policy.version() + " counts working days by calendar "
                    + calendarId + ": install it with the calendar's year files (calendars/" + calendarId + "-YYYY.yaml)");
        }
        boolean known = policies.find(policy.id(), policy.version()).isPresent();
        InstalledPolicy installed = policies.install(policy, yamlText);
        boolean calendarsChanged = this.calendars.install(calendars);
        List<CalendarDigest> digests = calendarId.isEmpty() ? List.of() : this.calendars.digests(calendarId);
        PolicyUpdatePayload update = new PolicyUpdatePayload(policy.id(), policy.version(), installed.yamlSha256(), digests);
        boolean journalled = new JournalMirror(db).recordsOf(RecordType.POLICY_UPDATE).stream()
                .map(r -> (PolicyUpdatePayload) r.typedPayload())
                .anyMatch(update::equals);
        if (!known || calendarsChanged || !journalled) {
            journal.append(update);
        }
        return installed;
    }

    /** What the till keeps of its settlement server: installed change, latest acknowledgement. */
    public org.yishi.till.store.sync.SyncServerState syncServer() {
        return syncServer;
    }

    /** Other tills' subsidised meals, as the server last reported them (docs/sync-protocol.md, "Usage"). */
    public RemoteUsageStore remoteUsage() {
        return remoteUsage;
    }

    /** What the subsidy engine's limits count: this till's sales and other tills' usage, each sale once. */
    public LimitHistory limitHistory() {
        return limitHistory;
    }

    /** The working-day calendar years installed with the policies. */
    public CalendarStore calendars() {
        return calendars;
    }

    /**
     * Replaces the till's signing key (docs/till-store.md#key-rotation): a new key is saved and entered in the key
     * history first, then the KEY_ROTATION is journalled (signed by the old key), then the new key file replaces the
     * old one, whose private key is deleted. A crash anywhere in between is finished or undone on the next open.
     *
     * @param reason why (written into the KEY_ROTATION): scheduled, suspected compromise, hardware replaced, …
     * @return the KEY_ROTATION record
     * @throws UncheckedIOException if the journal write failed: whether the rotation is recorded is decided from the
     *                              journal when the store is next opened (close this one)
     */
    public SignedRecord rotateKey(String reason) {
        TillKeys next = keys.prepareRotation();
        SignedRecord record;
        try {
            record = journal.rotateKey(next, reason);
        } catch (RecordedButNotIndexedException journalled) {
            keys.completeRotation(next);
            throw journalled;
        } catch (UncheckedIOException unknown) {
            throw unknown;
        } catch (RuntimeException refused) {
            keys.abandonRotation();
            throw refused;
        }
        keys.completeRotation(next);
        return record;
    }

    /** The till's keys: the key in force and the history of every key it has had. */
    public KeyHistory keyHistory() {
        return keys.history();
    }

    /** What opening found and did. */
    public TillStoreOpenReport openReport() {
        return report;
    }

    /** Closes the journal, then the database, then marks the shutdown clean. */
    @Override
    public void close() {
        try {
            journal.close();
        } finally {
            db.close();
        }
        marker.set();
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(TillJournal journal, TillDatabase db, RuntimeException failure) {
        for (AutoCloseable c : new AutoCloseable[] {journal, db}) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
