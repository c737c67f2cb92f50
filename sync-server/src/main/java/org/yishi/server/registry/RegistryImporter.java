package org.yishi.server.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.config.csv.CsvFormatException;
import org.yishi.config.registry.ElderRecord;
import org.yishi.config.registry.MenuRecord;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.config.registry.RowError;
import org.yishi.config.registry.StaffRecord;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.ElderState;
import org.yishi.core.journal.JournalFormat;
import org.yishi.server.common.ChangeCounter;

/**
 * Imports registry CSV files (docs/registry-csv.md) with config's own readers: every good row is stored as its
 * canonical row, every bad row reported with file, line, column and reason — the import goes on. One import is one
 * change number, taken only if a row changed: re-importing the same files changes nothing. A full import also retires
 * what it does not list (an elder: {@code withdrawn} from today; a card: {@code revoked}). All in one transaction: a
 * file that cannot be read at all (a wrong header) refuses the whole import, nothing stored.
 */
@Service
public class RegistryImporter {

    /** A file that cannot be read as its format at all. */
    public static final class UnreadableFile extends RuntimeException {
        public UnreadableFile(String message) {
            super(message);
        }
    }

    private final RegistryMapper rows;
    private final ChangeCounter changes;
    private final Clock clock;

    public RegistryImporter(RegistryMapper rows, ChangeCounter changes, Clock clock) {
        this.rows = rows;
        this.changes = changes;
        this.clock = clock;
    }

    /** The parts of one import, by part name, each an open stream of the file. */
    public interface Parts {
        InputStream open(String part) throws IOException;

        boolean has(String part);
    }

    @Transactional
    public ImportReport importRegistry(Parts parts, boolean full) throws IOException {
        Change change = new Change();
        Map<String, ImportReport.FileReport> files = new LinkedHashMap<>();
        if (parts.has("canteens")) {
            files.put("canteens", read(parts, "canteens", RegistryFormat.CANTEENS, change, (c, ch) -> upsertCanteen(c, ch)));
        }
        if (parts.has("elders")) {
            Set<String> listed = new HashSet<>();
            ImportReport.FileReport r = read(parts, "elders", RegistryFormat.ELDERS, change, (e, ch) -> {
                listed.add(e.elderId());
                return upsertElder(e, ch);
            });
            files.put("elders", full ? withRetired(r, retireElders(listed, change)) : r);
        }
        if (parts.has("cards")) {
            Set<String> listed = new HashSet<>();
            ImportReport.FileReport r = read(parts, "cards", RegistryFormat.CARDS, change, (c, ch) -> {
                listed.add(c.uid());
                return upsertCard(c, ch);
            });
            files.put("cards", full ? withRetired(r, retireCards(listed, change)) : r);
        }
        if (parts.has("menu")) {
            files.put("menu", read(parts, "menu", RegistryFormat.MENU, change, (m, ch) -> upsertMenu(m, ch)));
        }
        if (parts.has("staff")) {
            files.put("staff", read(parts, "staff", RegistryFormat.STAFF, change, (s, ch) -> upsertStaff(s, ch)));
        }
        return new ImportReport(full ? "full" : "delta", change.number, files);
    }

    /** The import's change number, taken when the first row changes. */
    private final class Change {
        long number;

        long get() {
            if (number == 0) {
                number = changes.bump();
            }
            return number;
        }
    }

    @FunctionalInterface
    private interface Upsert<T> {
        /** @return whether the row changed */
        boolean apply(T value, Change change);
    }

    private <T> ImportReport.FileReport read(Parts parts, String part, RegistryFormat<T> format, Change change, Upsert<T> upsert)
            throws IOException {
        long[] changed = {0};
        long[] unchanged = {0};
        List<String> errors = new ArrayList<>();
        long[] refused = {0};
        Consumer<RowError> onRefused = e -> {
            refused[0]++;
            if (errors.size() < ImportReport.MAX_ERRORS_LISTED) {
                errors.add(e.toString());
            }
        };
        RegistryFormat.ReadResult result;
        try (Reader in = new InputStreamReader(parts.open(part), StandardCharsets.UTF_8)) {
            result = format.read(in, format.fileName(), value -> {
                if (upsert.apply(value, change)) {
                    changed[0]++;
                } else {
                    unchanged[0]++;
                }
            }, onRefused);
        } catch (CsvFormatException e) {
            throw new UnreadableFile(format.fileName() + ": " + e.getMessage());
        }
        return new ImportReport.FileReport(result.accepted(), changed[0], unchanged[0], refused[0], 0, errors);
    }

    private static ImportReport.FileReport withRetired(ImportReport.FileReport r, long retired) {
        return new ImportReport.FileReport(r.accepted(), r.changed(), r.unchanged(), r.refused(), retired, r.errors());
    }

    private static String sha(String row) {
        return JournalFormat.sha256Hex(row.getBytes(StandardCharsets.UTF_8));
    }

    private final ThreadLocal<Map<RegistryFormat<?>, CanonicalRows<?>>> canonical = ThreadLocal.withInitial(LinkedHashMap::new);

    @SuppressWarnings("unchecked")
    private <T> String rowOf(RegistryFormat<T> format, T value) {
        return ((CanonicalRows<T>) canonical.get().computeIfAbsent(format, f -> new CanonicalRows<>(format))).row(value);
    }

    private boolean upsertCanteen(Canteen c, Change change) {
        String row = rowOf(RegistryFormat.CANTEENS, c);
        String sha = sha(row);
        String held = rows.canteenSha(c.id());
        if (sha.equals(held)) {
            return false;
        }
        if (held == null) {
            rows.insertCanteen(c.id(), c.district(), row, sha, change.get());
        } else {
            rows.updateCanteen(c.id(), c.district(), row, sha, change.get());
        }
        return true;
    }

    private boolean upsertElder(ElderRecord e, Change change) {
        String row = rowOf(RegistryFormat.ELDERS, e);
        String sha = sha(row);
        String held = rows.elderSha(e.elderId());
        if (sha.equals(held)) {
            return false;
        }
        long n = change.get();
        String tillRow = rowOf(RegistryFormat.TILL_ELDERS, e.toTillElder());
        if (held == null) {
            rows.insertElder(e.elderId(), row, tillRow, sha, n);
        } else {
            rows.updateElder(e.elderId(), row, tillRow, sha, n);
        }
        rows.insertElderHistory(e.elderId(), n, row, OffsetDateTime.now(clock));
        return true;
    }

    private boolean upsertCard(Card c, Change change) {
        String row = rowOf(RegistryFormat.CARDS, c);
        String sha = sha(row);
        String held = rows.cardSha(c.uid());
        if (sha.equals(held)) {
            return false;
        }
        if (held == null) {
            rows.insertCard(c.uid(), c.elderId(), row, sha, change.get());
        } else {
            rows.updateCard(c.uid(), c.elderId(), row, sha, change.get());
        }
        return true;
    }

    private boolean upsertMenu(MenuRecord m, Change change) {
        String row = rowOf(RegistryFormat.MENU, m);
        String sha = sha(row);
        String held = rows.menuSha(m.canteenId(), m.item().id());
        if (sha.equals(held)) {
            return false;
        }
        if (held == null) {
            rows.insertMenu(m.canteenId(), m.item().id(), row, sha, change.get());
        } else {
            rows.updateMenu(m.canteenId(), m.item().id(), row, sha, change.get());
        }
        return true;
    }

    private boolean upsertStaff(StaffRecord s, Change change) {
        String row = rowOf(RegistryFormat.STAFF, s);
        String sha = sha(row);
        String held = rows.staffSha(s.staffNo());
        if (sha.equals(held)) {
            return false;
        }
        if (held == null) {
            rows.insertStaff(s.staffNo(), row, sha, change.get());
        } else {
            rows.updateStaff(s.staffNo(), row, sha, change.get());
        }
        return true;
    }

    private long retireElders(Set<String> listed, Change change) {
        long retired = 0;
        for (String id : rows.elderIds()) {
            if (listed.contains(id)) {
                continue;
            }
            ElderRecord e = parseOne(RegistryFormat.ELDERS, rows.elderRow(id));
            if (e.status() != ElderState.ACTIVE) {
                continue;
            }
            ElderRecord withdrawn = new ElderRecord(e.elderId(), e.name(), e.residentId(), e.gender(), e.birthDate(), e.categories(),
                    e.registeredDistrict(), e.registeredTown(), e.phone(), ElderState.WITHDRAWN, LocalDate.now(clock),
                    e.residentDistrict(), e.residentTown());
            upsertElder(withdrawn, change);
            retired++;
        }
        return retired;
    }

    private long retireCards(Set<String> listed, Change change) {
        long retired = 0;
        for (String uid : rows.cardUids()) {
            if (listed.contains(uid)) {
                continue;
            }
            Card c = parseOne(RegistryFormat.CARDS, rows.cardRow(uid));
            if (c.status() == CardStatus.REVOKED) {
                continue;
            }
            upsertCard(new Card(c.uid(), c.elderId(), CardStatus.REVOKED, clock.instant()), change);
            retired++;
        }
        return retired;
    }

    /** Reads back one stored canonical row (it was written by the same format, so it reads). */
    static <T> T parseOne(RegistryFormat<T> format, String row) {
        List<T> out = new ArrayList<>(1);
        format.read(new java.io.StringReader(CanonicalRows.header(format) + "\n" + row + "\n"), format.fileName(), out::add, e -> {
            throw new IllegalStateException("a stored " + format.fileName() + " row does not read back: " + e);
        });
        return out.get(0);
    }
}
