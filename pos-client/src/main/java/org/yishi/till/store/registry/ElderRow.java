package org.yishi.till.store.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.elder.Elder;
import org.yishi.core.elder.ElderState;
import org.yishi.core.elder.StatusChange;

/**
 * An elder as the {@code elder} table stores it: categories and status history flattened to text so a
 * lookup is one row read. Column names are these components in snake_case.
 *
 * @param residentDistrict null when the elder lives where he is registered (rows cached before V9 too), else where he lives
 * @param residentTown     null, or the town he lives in
 * @param blockedReason null, or why the last import blocked the elder (their row was refused): such an elder is handed
 *                      out as not active on any day, so no subsidy is paid on a status the till could not read
 */
record ElderRow(String elderId, String name, LocalDate birthDate, String categories, String registeredDistrict,
        String registeredTown, String idLast4, String phoneLast4, String statusHistory, String blockedReason, String residentDistrict, String residentTown) {

    private static final String SEPARATOR = ";";

    static ElderRow of(Elder e) {
        return new ElderRow(e.id(), e.name(), e.birthDate(), joinCategories(e.categories()), e.registeredDistrict(),
                e.registeredTown(), e.idLast4(), e.phoneLast4(), joinHistory(e.history()), null,
                e.livesAway() ? e.residentDistrict() : null, e.livesAway() ? e.residentTown() : null);
    }

    Elder toElder() {
        List<StatusChange> history = parseHistory();
        if (blockedReason != null) {
            // Suspended from the beginning of time, so no day and no clock makes them active; a death or withdrawal
            // the registry recorded earlier still shows, since it says more than "suspended".
            history = new ArrayList<>(history.stream().filter(c -> c.state() != ElderState.ACTIVE).toList());
            history.add(new StatusChange(ElderState.SUSPENDED, LocalDate.MIN));
        }
        return new Elder(elderId, name, birthDate, parseCategories(), registeredDistrict, registeredTown, history,
                idLast4, phoneLast4, residentDistrict, residentTown);
    }

    static String joinCategories(List<CategoryTag> tags) {
        return String.join(SEPARATOR, tags.stream().map(CategoryTag::toString).toList());
    }

    private List<CategoryTag> parseCategories() {
        List<CategoryTag> tags = new ArrayList<>();
        for (String part : categories.split(SEPARATOR)) {
            if (!part.isBlank()) {
                tags.add(CategoryTag.parse(part));
            }
        }
        return tags;
    }

    private static String joinHistory(List<StatusChange> history) {
        return String.join(SEPARATOR,
                history.stream().map(c -> c.state().name().toLowerCase(Locale.ROOT) + "@" + c.effectiveFrom()).toList());
    }

    private List<StatusChange> parseHistory() {
        List<StatusChange> changes = new ArrayList<>();
        for (String part : statusHistory.split(SEPARATOR)) {
            if (part.isBlank()) {
                continue;
            }
            int at = part.indexOf('@');
            try {
                changes.add(new StatusChange(ElderState.valueOf(part.substring(0, at).toUpperCase(Locale.ROOT)),
                        LocalDate.parse(part.substring(at + 1))));
            } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
                throw new IllegalStateException("elder " + elderId + ": unreadable status history in the till cache: \""
                        + statusHistory + "\"", e);
            }
        }
        return changes;
    }
}
