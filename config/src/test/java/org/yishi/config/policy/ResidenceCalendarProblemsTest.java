package org.yishi.config.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yishi.config.PolicyTestSupport;
import org.yishi.config.calendar.CalendarLoader;
import org.yishi.config.yaml.Problem;
import org.yishi.core.policy.CalendarDays;
import org.yishi.core.policy.Locality;
import org.yishi.core.policy.Policy;

/** What the loader says about the keys of issue 11 items 2-4 when they are wrong; each problem with line, column and field. */
class ResidenceCalendarProblemsTest {

    private static final String FILE = "p.yaml";
    private static final PolicyLoader LOADER = new PolicyLoader().withCalendars(CalendarLoader.loadDirectory(PolicyTestSupport.SHIPPED_CALENDARS));

    private static String policy(String top, String eligibility, String fundingExtra, String limits) {
        return "id: p\nversion: \"1\"\nname: p\neffective_from: 2026-01-01\n" + top
                + "funders: [{code: city, name: 市}, {code: town, name: 镇}]\n"
                + "meal_slots:\n  - {code: lunch, name: 午餐}\n"
                + "rules:\n  - id: r\n    name: r\n    eligibility: {" + eligibility + "}\n    formula: {fixed: 3}\n"
                + "    funding:\n      - {funder: city, share: 1}\n      - {funder: town, share: rest" + fundingExtra + "}\n"
                + limits;
    }

    private static List<String> problems(PolicyLoader loader, String yaml) {
        PolicyFileException e = catchThrowableOfType(PolicyFileException.class, () -> loader.parse(FILE, yaml));
        assertThat(e).as("expected problems").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theNewKeysLoad() {
        Policy p = LOADER.parse(FILE, policy("calendar: cn\n", "resides_in: [\"4403\"], eats_in: home_town, home: resident, days: working_days",
                ", only_if: home_district, home: resident", "limits:\n  - {id: l, window: month, max_meals: 22, days: working_days, weekdays: mon-sat}\n"));
        assertThat(p.calendar().loadedYears()).containsExactly(2026, 2027);
        assertThat(p.rules().get(0).eligibility().residesIn()).containsExactly("4403");
        assertThat(p.rules().get(0).eligibility().locality()).isEqualTo(Locality.RESIDENT_TOWN);
        assertThat(p.rules().get(0).eligibility().days()).isEqualTo(CalendarDays.WORKING_DAYS);
        assertThat(p.rules().get(0).funding().get(1).onlyIf()).isEqualTo(Locality.RESIDENT_DISTRICT);
        assertThat(p.limits().get(0).days()).isEqualTo(CalendarDays.WORKING_DAYS);
        assertThat(p.limits().get(0).weekdays()).hasSize(6);
        assertThat(p.mealSlots().get(0).window()).isEmpty();
    }

    @Test
    void oldFilesKeepTheirMeaning() {
        Policy p = LOADER.parse(FILE, policy("", "eats_in: home_town", ", only_if: home_district", ""));
        assertThat(p.rules().get(0).eligibility().locality()).isEqualTo(Locality.HOME_TOWN);
        assertThat(p.rules().get(0).funding().get(1).onlyIf()).isEqualTo(Locality.HOME_DISTRICT);
        assertThat(p.calendar().id()).isEmpty();
        Policy registered = LOADER.parse(FILE, policy("", "eats_in: home_town, home: registered", "", ""));
        assertThat(registered.rules().get(0).eligibility().locality()).isEqualTo(Locality.HOME_TOWN);
    }

    @Test
    void workingDaysWithoutACalendarAndAnUnknownCalendar() {
        assertThat(problems(LOADER, policy("", "days: working_days", "", "limits:\n  - {id: l, window: week, max_meals: 3, days: rest_days}\n")))
                .containsExactly(
                        "p.yaml:11:25: rules[0].eligibility.days: working_days and rest_days are counted in a working-day calendar: "
                                + "name it at the top of the file (calendar: cn, loaded from calendars/cn-YYYY.yaml)",
                        "p.yaml:17:47: limits[0].days: working_days and rest_days are counted in a working-day calendar: "
                                + "name it at the top of the file (calendar: cn, loaded from calendars/cn-YYYY.yaml)");
        assertThat(problems(LOADER, policy("calendar: hk\n", "days: working_day", "", ""))).containsExactly(
                "p.yaml:5:11: calendar: unknown working-day calendar \"hk\": no calendars/hk-YYYY.yaml was loaded; loaded: cn",
                "p.yaml:12:25: rules[0].eligibility.days: \"working_day\" is not one of working_days, rest_days (did you mean working_days?)");
        assertThat(problems(new PolicyLoader(), policy("calendar: cn\n", "days: working_days", "", ""))).containsExactly(
                "p.yaml:5:11: calendar: unknown working-day calendar \"cn\": no calendars/cn-YYYY.yaml was loaded (no calendars loaded at all)");
    }

    @Test
    void homeAndResidesInMistakes() {
        assertThat(problems(LOADER, policy("", "home: resident, resides_in: [\"44\", \"4403x\"]", ", home: residnt", ""))).containsExactly(
                "p.yaml:11:25: rules[0].eligibility.home: home says which home eats_in means; give eats_in: home_district or home_town with it",
                "p.yaml:11:54: rules[0].eligibility.resides_in[1]: \"4403x\" is not a valid code: a GB/T 2260 district-code prefix of 2 to 12 digits (4401 = Guangzhou)",
                "p.yaml:15:43: rules[0].funding[1].home: \"residnt\" is not one of registered, resident (did you mean resident?)");
        assertThat(problems(LOADER, policy("", "eats_in: anywhere, home: resident", ", only_if: anywhere, home: registered", ""))).containsExactly(
                "p.yaml:11:44: rules[0].eligibility.home: home has no effect with eats_in: anywhere; remove it, or write home_district or home_town",
                "p.yaml:15:62: rules[0].funding[1].home: home has no effect with only_if: anywhere; remove it, or write home_district or home_town");
    }
}
