package org.yishi.config.policy;

import java.util.Map;
import java.util.Optional;
import org.yishi.config.yaml.Fields;
import org.yishi.config.yaml.ValueReader;
import org.yishi.core.policy.CalendarDays;
import org.yishi.core.policy.Locality;

/**
 * Reads a locality condition ({@code eats_in:} in eligibility, {@code only_if:} in a funding part) with the
 * {@code home:} key beside it that says which home it means: {@code registered} (户籍, the default — what every file
 * written before residence existed means) or {@code resident} (常住, where the elder lives). Also the {@code days:}
 * words shared by eligibility and limits.
 */
final class HomeReader {

    static final String HOME = "home";
    private static final Map<String, Boolean> HOMES = Choices.of("registered", false, "resident", true);
    static final Map<String, CalendarDays> DAYS = Choices.of("working_days", CalendarDays.WORKING_DAYS, "rest_days", CalendarDays.REST_DAYS);

    private HomeReader() {
    }

    /** The locality of {@code key} in {@code f}, adjusted by {@code home:}; ANYWHERE when absent. */
    static Locality read(Fields f, String key, ValueReader values) {
        Locality base = f.get(key).flatMap(n -> values.choice(n, f.path(key), EligibilityReader.LOCALITIES)).orElse(Locality.ANYWHERE);
        Optional<Boolean> resident = f.get(HOME).flatMap(n -> values.choice(n, f.path(HOME), HOMES));
        if (resident.isEmpty()) {
            return base;
        }
        if (!f.has(key)) {
            values.problems().add(f.get(HOME).orElseThrow(), f.path(HOME), "home says which home " + key
                    + " means; give " + key + ": home_district or home_town with it");
            return base;
        }
        if (base == Locality.ANYWHERE) {
            values.problems().add(f.get(HOME).orElseThrow(), f.path(HOME), "home has no effect with " + key
                    + ": anywhere; remove it, or write home_district or home_town");
            return base;
        }
        if (!resident.get()) {
            return base;
        }
        return base == Locality.HOME_TOWN ? Locality.RESIDENT_TOWN : Locality.RESIDENT_DISTRICT;
    }
}
