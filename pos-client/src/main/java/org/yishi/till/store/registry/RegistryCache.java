package org.yishi.till.store.registry;

import org.yishi.config.category.CategoryVocabulary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.Elder;
import org.yishi.core.elder.RegistryMode;
import org.yishi.till.store.TillDatabase;

/**
 * The till's copy of the elder registry: elders and their cards as the registry CSV exports them, for the card
 * lookup of every checkout and for manual identification. A cache: it can always be re-imported, and a rebuilt
 * till database starts with it empty.
 *
 * <p>Imports fail closed (docs/registry-csv.md): a refused row blocks the elder or card it names, and a full export
 * replaces the cache — what it leaves out is removed — while a delta only upserts. A blocked card has status
 * {@link org.yishi.core.elder.CardStatus#BLOCKED}; a blocked elder is handed out as not active on any day.
 */
public final class RegistryCache {

    private static final Pattern LAST_DIGITS = Pattern.compile("[0-9]{3}[0-9X]|[0-9]{4}");

    private final TillDatabase db;

    public RegistryCache(TillDatabase db) {
        this.db = db;
        db.addMapper(RegistryMapper.class);
    }

    /**
     * Starts an elder import. Rows whose categories are outside {@code vocabulary}, or whose fields do not fit the
     * cache, are rejected with their line (and block the elder); the rest are upserted. A full import removes the
     * elders it did not list, with their cards.
     */
    public RegistryImport<Elder> importElders(String source, CategoryVocabulary vocabulary, RegistryMode mode) {
        return new RegistryImport<>(batchSession(), importMarker(), new EldersTable(vocabulary), source, mode);
    }

    /**
     * Starts a card import. A card whose elder is not in the cache is rejected with its line (and blocked if the till
     * had it): import elders first. A full import removes the cards it did not list.
     */
    public RegistryImport<Card> importCards(String source, RegistryMode mode) {
        return new RegistryImport<>(batchSession(), importMarker(), new CardsTable(), source, mode);
    }

    /**
     * The elder a card identifies, with the card as registered (check its status). Empty when the UID is unknown.
     *
     * @param uid card UID; case and spaces (as some readers type it) are normalised
     */
    public Optional<IdentifiedElder> findElderByCardUid(String uid) {
        String canonical = uid.replace(" ", "").replace(":", "").toUpperCase(Locale.ROOT);
        try (SqlSession s = db.sessions().openSession()) {
            CardLookupRow row = s.getMapper(RegistryMapper.class).findByCardUid(canonical);
            return Optional.ofNullable(row).map(CardLookupRow::toIdentifiedElder);
        }
    }

    public Optional<Elder> findElder(String elderId) {
        try (SqlSession s = db.sessions().openSession()) {
            return Optional.ofNullable(s.getMapper(RegistryMapper.class).findElder(elderId)).map(ElderRow::toElder);
        }
    }

    public List<Card> cardsOf(String elderId) {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(RegistryMapper.class).cardsOf(elderId).stream().map(CardRow::toCard).toList();
        }
    }

    /**
     * Manual identification (forgotten card, supervisor approves): elders with exactly this name whose resident ID or
     * phone ends in {@code lastDigits}.
     *
     * @param lastDigits the last four characters of the resident ID (may end in X) or of the phone number
     * @throws IllegalArgumentException if {@code lastDigits} is not four digits (or three digits and X)
     */
    public List<Elder> searchByName(String name, String lastDigits) {
        String digits = lastDigits.strip().toUpperCase(Locale.ROOT);
        if (!LAST_DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("last digits must be the last 4 characters of the ID or phone number: \""
                    + lastDigits + "\"");
        }
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(RegistryMapper.class).findByNameAndLastDigits(name.strip(), digits).stream()
                    .map(ElderRow::toElder).toList();
        }
    }

    public long elderCount() {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(RegistryMapper.class).elderCount();
        }
    }

    public long cardCount() {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(RegistryMapper.class).cardCount();
        }
    }

    /** Elders blocked by an import (their last row was refused). */
    public long blockedElderCount() {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(RegistryMapper.class).blockedElderCount();
        }
    }

    /** Cards blocked by an import (their last row was refused). */
    public long blockedCardCount() {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(RegistryMapper.class).blockedCardCount();
        }
    }

    /** Whether an elder and a card import have ever finished into this database (false after a rebuild). */
    public boolean imported() {
        try (SqlSession s = db.sessions().openSession()) {
            RegistryMapper m = s.getMapper(RegistryMapper.class);
            return m.importsOf("elders") > 0 && m.importsOf("cards") > 0;
        }
    }

    /**
     * Empties the elder and card cache after an import was cut off by a crash: it may have left half-written rows that
     * H2 shows to some transactions and not to others. TRUNCATE removes them whatever their state. Import again.
     */
    public void discardInterruptedImport() {
        try (SqlSession s = db.sessions().openSession()) {
            RegistryMapper m = s.getMapper(RegistryMapper.class);
            m.truncateCards();
            m.truncateElders();
            m.forgetImports();
            s.commit();
        }
    }

    /** Remembers that the cache now holds registry snapshot {@code version} whose files hash to {@code sha256}. */
    public void recordSnapshot(String source, String version, String sha256, long elders) {
        try (SqlSession s = db.sessions().openSession()) {
            s.getMapper(RegistryMapper.class).recordSnapshot(source, version, sha256, elders);
            s.commit();
        }
    }

    /** The SHA-256 of the last registry snapshot recorded in the cache, if any. */
    public Optional<String> latestSnapshotSha256() {
        try (SqlSession s = db.sessions().openSession()) {
            return Optional.ofNullable(s.getMapper(RegistryMapper.class).latestSnapshotSha());
        }
    }

    /** Rewrites the database file without the garbage an import leaves ({@link TillDatabase#compact()}). */
    public void compactDatabase() {
        db.compact();
    }

    private Optional<Path> importMarker() {
        return db.directory().map(d -> d.resolve(TillDatabase.IMPORT_MARKER));
    }

    private SqlSession batchSession() {
        return db.sessions().openSession(ExecutorType.BATCH, false);
    }
}
