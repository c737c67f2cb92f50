package org.yishi.till.store.registry;

import org.yishi.config.category.CategoryVocabulary;
import java.nio.file.Path;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.config.registry.RowError;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.Elder;

/**
 * Imports the registry's elders.csv and cards.csv (docs/registry-csv.md) into the {@link RegistryCache}. Each file is
 * streamed; every row the format or the cache refuses is reported with its line, every other row is imported.
 * The full resident ID and phone number are dropped here, before anything reaches the till database.
 */
public final class RegistryCsvImporter {

    private final RegistryCache cache;

    public RegistryCsvImporter(RegistryCache cache) {
        this.cache = cache;
    }

    /** What a registry import did: one report per file. */
    public record Result(ImportReport elders, ImportReport cards) {
    }

    /**
     * Imports elders.csv, then cards.csv, then compacts the database file (a bulk import leaves it mostly garbage:
     * see {@link org.yishi.till.store.TillDatabase#compact()}). Run it while the till is not serving.
     */
    public Result importRegistry(Path eldersCsv, Path cardsCsv, CategoryVocabulary vocabulary) {
        ImportReport elders = importElders(eldersCsv, vocabulary);
        ImportReport cards = importCards(cardsCsv);
        cache.compactDatabase();
        return new Result(elders, cards);
    }

    /** Imports elders.csv. Import elders before cards: a card of an unknown elder is refused. */
    public ImportReport importElders(Path eldersCsv, CategoryVocabulary vocabulary) {
        try (RegistryImport<Elder> imp = cache.importElders(eldersCsv.getFileName().toString(), vocabulary)) {
            RegistryFormat.ELDERS.read(eldersCsv, (record, line) -> imp.accept(line, record.toTillElder()),
                    error -> imp.reject(error.line(), describe(error)));
            return imp.finish();
        }
    }

    public ImportReport importCards(Path cardsCsv) {
        try (RegistryImport<Card> imp = cache.importCards(cardsCsv.getFileName().toString())) {
            RegistryFormat.CARDS.read(cardsCsv, (card, line) -> imp.accept(line, card), error -> imp.reject(error.line(), describe(error)));
            return imp.finish();
        }
    }

    private static String describe(RowError error) {
        return error.column().isEmpty() ? error.message() : "[" + error.column() + "] " + error.message();
    }
}
