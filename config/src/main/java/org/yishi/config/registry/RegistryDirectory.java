package org.yishi.config.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.yishi.core.elder.Card;

/**
 * A registry CSV directory ({@code elders.csv}, {@code cards.csv}; docs/registry-csv.md), as {@code demo-data}
 * writes it, searched for one elder or card at a time. Each search streams the file instead of loading it, so a
 * city's two-million-elder registry needs no more memory than a demo one; a command does one or two searches.
 * The administrator's {@code qr issue} and {@code card print} look elders and cards up in it, the till's
 * {@code qr verify --registry} card statuses ({@link #find} is a card-status lookup).
 */
public final class RegistryDirectory {

    private final Path dir;

    /**
     * @throws IllegalArgumentException if the directory lacks elders.csv or cards.csv
     */
    public RegistryDirectory(Path dir) {
        this.dir = dir;
        for (RegistryFormat<?> format : List.of(RegistryFormat.ELDERS, RegistryFormat.CARDS)) {
            if (!Files.isRegularFile(dir.resolve(format.fileName()))) {
                throw new IllegalArgumentException("no registry at " + dir.toAbsolutePath() + ": "
                        + format.fileName() + " is missing");
            }
        }
    }

    public Path dir() {
        return dir;
    }

    /** What one search found, and the rows it could not read (one of those might have been the one sought). */
    public record Found<T>(List<T> matches, List<RowError> unreadable) {
        public Found {
            matches = List.copyOf(matches);
            unreadable = List.copyOf(unreadable);
        }

        public Optional<T> first() {
            return matches.stream().findFirst();
        }
    }

    /** The elder with this registry id. */
    public Found<ElderRecord> elder(String elderId) {
        return search(RegistryFormat.ELDERS, e -> e.elderId().equals(elderId));
    }

    /** Every card (any status) the registry gives this elder, in file order. */
    public Found<Card> cardsOf(String elderId) {
        return search(RegistryFormat.CARDS, c -> c.elderId().equals(elderId));
    }

    /** The card with this canonical UID, if the registry has it; unreadable rows are skipped. */
    public Optional<Card> find(String cardUid) {
        return search(RegistryFormat.CARDS, c -> c.uid().equals(cardUid)).first();
    }

    private <T> Found<T> search(RegistryFormat<T> format, Predicate<T> wanted) {
        List<T> matches = new ArrayList<>();
        List<RowError> unreadable = new ArrayList<>();
        Consumer<RowError> refused = unreadable::add;
        format.read(dir.resolve(format.fileName()), (value, line) -> {
            if (wanted.test(value)) {
                matches.add(value);
            }
        }, refused);
        return new Found<>(matches, unreadable);
    }
}
