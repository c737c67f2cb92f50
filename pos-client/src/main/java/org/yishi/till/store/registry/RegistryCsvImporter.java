package org.yishi.till.store.registry;

import org.yishi.config.category.CategoryVocabulary;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.config.registry.RowError;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.Elder;
import org.yishi.core.elder.RegistryMode;

/**
 * Imports the registry's elders.csv and cards.csv (docs/registry-csv.md) into the {@link RegistryCache}. Each file is
 * streamed; every row the format or the cache refuses is reported with its line — and blocks the elder or card it
 * names — every other row is imported. A full export replaces the cache, a delta upserts.
 * From a registry's elders.csv the full resident ID and phone number are dropped here, before anything reaches the
 * till database; a server download (till-elders.csv) never carries them.
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
     * Imports elders.csv, then cards.csv, as the export's manifest says, then compacts the database file (a bulk
     * import leaves it mostly garbage: see {@link org.yishi.till.store.TillDatabase#compact()}). Run it while the till
     * is not serving.
     */
    public Result importRegistry(RegistryExport export, CategoryVocabulary vocabulary) {
        RegistryMode mode = export.manifest().mode();
        ImportReport elders = importElders(export.elders(), vocabulary, mode);
        ImportReport cards = importCards(export.cards(), mode);
        cache.compactDatabase();
        return new Result(elders, cards);
    }

    /**
     * Imports elders.csv, or the server's till-elders.csv (told apart by the file's name). Import elders before cards:
     * a card of an unknown elder is refused.
     */
    public ImportReport importElders(Path eldersCsv, CategoryVocabulary vocabulary, RegistryMode mode) {
        String name = eldersCsv.getFileName().toString();
        try (RegistryImport<Elder> imp = cache.importElders(name, vocabulary, mode)) {
            Consumer<RowError> refused = error -> imp.reject(error.line(), describe(error), error.key());
            if (name.equals(RegistryFormat.TILL_ELDERS.fileName())) {
                RegistryFormat.TILL_ELDERS.read(eldersCsv, (elder, line) -> imp.accept(line, elder), refused);
            } else {
                RegistryFormat.ELDERS.read(eldersCsv, (record, line) -> imp.accept(line, record.toTillElder()), refused);
            }
            return imp.finish();
        }
    }

    public ImportReport importCards(Path cardsCsv, RegistryMode mode) {
        try (RegistryImport<Card> imp = cache.importCards(cardsCsv.getFileName().toString(), mode)) {
            RegistryFormat.CARDS.read(cardsCsv, (card, line) -> imp.accept(line, card),
                    error -> imp.reject(error.line(), describe(error), error.key()));
            return imp.finish();
        }
    }

    private static String describe(RowError error) {
        return error.column().isEmpty() ? error.message() : "[" + error.column() + "] " + error.message();
    }
}
