package org.yishi.till.store.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yishi.config.category.CategoryVocabulary;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.elder.Elder;

/** The {@code elder} table as an import fills it. */
final class EldersTable implements RegistryTable<Elder> {

    private static final Pattern ID_LAST4 = Pattern.compile("([0-9]{3}[0-9X])?");
    private static final Pattern PHONE_LAST4 = Pattern.compile("([0-9]{4})?");

    private final CategoryVocabulary vocabulary;

    EldersTable(CategoryVocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    }

    @Override
    public String kind() {
        return "elders";
    }

    /** Categories outside the till's vocabulary, or fields that do not fit the cache. */
    @Override
    public Optional<String> problem(Elder e) {
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
        if (e.residentDistrict().length() > 12 || e.residentTown().length() > 16) {
            return Optional.of(where + "resident district/town code too long: " + e.residentDistrict() + "/" + e.residentTown());
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

    @Override
    public String key(Elder e) {
        return e.id();
    }

    @Override
    public void upsert(RegistryMapper mapper, Elder e, long generation) {
        mapper.upsertElder(ElderRow.of(e), generation);
    }

    @Override
    public String notWritten(Elder e) {
        return "elder " + e.id() + " was not written";
    }

    @Override
    public int block(RegistryMapper mapper, String elderId, String reason, long generation) {
        return mapper.blockElder(elderId, reason, generation);
    }

    /** An elder the export left out goes, and their cards with them: no card may name an elder the till lost. */
    @Override
    public long removeAbsent(RegistryMapper mapper, long generation) {
        long absent = mapper.countEldersNotIn(generation);
        if (absent > 0) {
            mapper.deleteCardsOfEldersNotIn(generation);
            mapper.deleteEldersNotIn(generation);
        }
        return absent;
    }
}
