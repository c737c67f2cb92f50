package org.yishi.till.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.yishi.core.journal.JournalWriter;
import org.yishi.core.journal.TillKeys;
import org.yishi.till.store.ledger.SalesIndex;
import org.yishi.till.store.ledger.TillJournal;
import org.yishi.till.store.menu.MenuStore;
import org.yishi.till.store.policy.PolicyStore;
import org.yishi.till.store.registry.RegistryCache;
import org.yishi.till.store.sync.SyncStateStore;

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
    private final TillStoreOpenReport report;
    private final SalesIndex sales;
    private final RegistryCache registry;
    private final PolicyStore policies;
    private final MenuStore menus;
    private final SyncStateStore syncState;

    private TillStore(TillDatabase db, TillJournal journal, Clock clock, boolean rebuilt, Optional<Path> quarantinedTo,
            Optional<String> reason) {
        this.db = db;
        this.journal = journal;
        this.sales = new SalesIndex(db);
        this.registry = new RegistryCache(db);
        this.policies = new PolicyStore(db, clock);
        this.menus = new MenuStore(db, clock);
        this.syncState = new SyncStateStore(db);
        this.report = new TillStoreOpenReport(journal.recovery(), rebuilt, quarantinedTo, reason, !registry.imported(),
                policies.policyIds().isEmpty(), menus.canteens().isEmpty());
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
        TillKeys keys = TillKeys.loadOrCreate(dir.keyFile());
        Supplier<JournalWriter> opener = () -> JournalWriter.open(dir.journalFile(tillId), keys, tillId, clock);
        ZoneId zone = clock.getZone();
        TillDatabase db = null;
        TillJournal journal = null;
        try {
            db = TillDatabase.open(dir.databaseDir());
            journal = TillJournal.open(db, opener, zone);
            return new TillStore(db, journal, clock, false, Optional.empty(), Optional.empty());
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
                rebuilt = TillJournal.open(fresh, opener, zone);
                return new TillStore(fresh, rebuilt, clock, true, Optional.of(quarantined), Optional.of(rootMessage(failure)));
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

    public SyncStateStore syncState() {
        return syncState;
    }

    public TillDatabase database() {
        return db;
    }

    /** What opening found and did. */
    public TillStoreOpenReport openReport() {
        return report;
    }

    /** Closes the journal, then the database. */
    @Override
    public void close() {
        try {
            journal.close();
        } finally {
            db.close();
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
