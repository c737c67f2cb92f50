package org.yishi.till.store.registry;

import org.yishi.config.category.CategoryVocabulary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.Elder;
import org.yishi.till.store.TillDatabase;

/**
 * The till's copy of the elder registry: elders and their cards as the registry CSV exports them, for the card
 * lookup of every checkout and for manual identification. A cache: it can always be re-imported, and a rebuilt
 * till database starts with it empty.
 *
 * <p>Imports upsert (a registry export is a full snapshot; an elder who left the scheme stays in it with his
 * status, so nothing is deleted here).
 */
public final class RegistryCache {

    private static final Pattern LAST_DIGITS = Pattern.compile("[0-9]{3}[0-9X]|[0-9]{4}");
    private static final Pattern ID_LAST4 = Pattern.compile("([0-9]{3}[0-9X])?");
    private static final Pattern PHONE_LAST4 = Pattern.compile("([0-9]{4})?");

    private final TillDatabase db;

    public RegistryCache(TillDatabase db) {
        this.db = db;
        db.addMapper(RegistryMapper.class);
    }

    /**
     * Starts an elder import. Rows whose categories are outside {@code vocabulary}, or whose fields do not fit the
     * cache, are rejected with their line; the rest are upserted.
     */
    public RegistryImport<Elder> importElders(String source, CategoryVocabulary vocabulary) {
        Objects.requireNonNull(vocabulary, "vocabulary");
        return new RegistryImport<>(batchSession(), importMarker(), "elders", source, e -> elderProblem(e, vocabulary),
                (m, e) -> m.upsertElder(ElderRow.of(e)), e -> "elder " + e.id() + " was not written");
    }

    /** Starts a card import. A card whose elder is not in the cache is rejected with its line: import elders first. */
    public RegistryImport<Card> importCards(String source) {
        return new RegistryImport<>(batchSession(), importMarker(), "cards", source, c -> Optional.empty(),
                (m, c) -> m.upsertCardOfKnownElder(CardRow.of(c)),
                c -> "card " + c.uid() + ": elder " + c.elderId() + " is not in the registry (import elders.csv first)");
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

    private static Optional<String> elderProblem(Elder e, CategoryVocabulary vocabulary) {
        for (CategoryTag tag : e.categories()) {
            Optional<String> problem = vocabulary.check(tag);
            if (problem.isPresent()) {
                return Optional.of("elder " + e.id() + ": " + problem.get());
            }
        }
        String where = "elder " + e.id() + ": ";
        if (e.id().isBlank() || e.id().length() > 64) {
            return Optional.of(where + "elder_id must be 1-64 characters");
        }
        if (e.name().isBlank() || e.name().length() > 100) {
            return Optional.of(where + "name must be 1-100 characters");
        }
        if (e.registeredDistrict().length() > 12 || e.registeredTown().length() > 16) {
            return Optional.of(where + "registered district/town code too long: " + e.registeredDistrict() + "/" + e.registeredTown());
        }
        if (!ID_LAST4.matcher(e.idLast4()).matches()) {
            return Optional.of(where + "id_last4 must be 4 characters (digits, last may be X): \"" + e.idLast4() + "\"");
        }
        if (!PHONE_LAST4.matcher(e.phoneLast4()).matches()) {
            return Optional.of(where + "phone_last4 must be 4 digits: \"" + e.phoneLast4() + "\"");
        }
        if (ElderRow.joinCategories(e.categories()).length() > 1000) {
            return Optional.of(where + "too many categories");
        }
        return Optional.empty();
    }
}
