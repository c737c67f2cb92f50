package org.yishi.core.elder;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An elder in the registry. The till holds no full ID number: {@code idLast4} is all it needs to
 * confirm a manual identification, and receipts print at most that.
 *
 * @param id                 internal registry id (never the resident ID number)
 * @param name               full name; displays mask it ({@link #maskedName()})
 * @param birthDate          date of birth, for age bands
 * @param categories         registry categories with optional grades
 * @param registeredDistrict GB/T 2260 code of the district (county) of household registration, e.g. 440118
 * @param registeredTown     code of the town/street of household registration, e.g. 440118001
 * @param history            status changes, any order; an elder with none is ACTIVE
 * @param idLast4            last four characters of the resident ID number, or empty
 * @param phoneLast4         last four digits of a contact phone, or empty
 * @param residentDistrict   district the elder permanently lives in (常住); the registered one when the registry gives none
 * @param residentTown       town the elder lives in; the registered one when the registry gives none
 */
public record Elder(
        String id,
        String name,
        LocalDate birthDate,
        List<CategoryTag> categories,
        String registeredDistrict,
        String registeredTown,
        List<StatusChange> history,
        String idLast4,
        String phoneLast4,
        String residentDistrict,
        String residentTown) {

    /** An elder who lives where he is registered. */
    public Elder(String id, String name, LocalDate birthDate, List<CategoryTag> categories, String registeredDistrict,
            String registeredTown, List<StatusChange> history, String idLast4, String phoneLast4) {
        this(id, name, birthDate, categories, registeredDistrict, registeredTown, history, idLast4, phoneLast4,
                registeredDistrict, registeredTown);
    }

    public Elder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
        categories = List.copyOf(categories);
        Objects.requireNonNull(registeredDistrict, "registeredDistrict");
        Objects.requireNonNull(registeredTown, "registeredTown");
        history = history.stream().sorted(Comparator.comparing(StatusChange::effectiveFrom)).toList();
        idLast4 = idLast4 == null ? "" : idLast4;
        phoneLast4 = phoneLast4 == null ? "" : phoneLast4;
        // No residence given (null or empty) means he lives where he is registered: older exports have no such columns.
        boolean noResidence = residentDistrict == null || residentDistrict.isEmpty();
        if (noResidence && residentTown != null && !residentTown.isEmpty()) {
            throw new IllegalArgumentException("elder " + id + ": a resident town (" + residentTown + ") needs its resident district");
        }
        residentDistrict = noResidence ? registeredDistrict : residentDistrict;
        residentTown = noResidence ? registeredTown : residentTown == null || residentTown.isEmpty() ? "" : residentTown;
    }

    /** Whether the elder lives somewhere other than where he is registered. */
    public boolean livesAway() {
        return !residentDistrict.equals(registeredDistrict) || !residentTown.equals(registeredTown);
    }

    /** Age in completed years on {@code day}. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** The elder's state on {@code day}: the latest change effective on or before it. */
    public ElderState stateOn(LocalDate day) {
        ElderState state = ElderState.ACTIVE;
        for (StatusChange change : history) {
            if (!change.effectiveFrom().isAfter(day)) {
                state = change.state();
            }
        }
        return state;
    }

    /** The day of death recorded by the registry, if any. */
    public Optional<LocalDate> deceasedOn() {
        return history.stream().filter(c -> c.state() == ElderState.DECEASED).map(StatusChange::effectiveFrom).findFirst();
    }

    /**
     * The name as shown to the queue and printed on receipts: every character but the first and the last
     * replaced by *, e.g. 张*华, 欧阳*华 → 欧**华; a two-character name keeps its family name: 李*.
     */
    public String maskedName() {
        return NameMask.mask(name);
    }
}
