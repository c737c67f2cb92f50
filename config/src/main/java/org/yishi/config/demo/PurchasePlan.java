package org.yishi.config.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.yishi.config.registry.ElderRecord;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.elder.ElderState;

/**
 * A month of meals for a sample of elders, in the purchases CSV that {@code ./yishi policy simulate} reads:
 * mostly weekday lunches at a canteen in the home town, some dinners, some deliveries (more for 失能 elders),
 * now and then a meal in another district.
 */
final class PurchasePlan {

    /** One generated purchase row, in the column order of the purchases CSV. */
    record Row(LocalDateTime time, List<String> fields) {
    }

    static final List<String> COLUMNS = List.of("purchase_id", "elder_id", "birth_date", "categories",
            "registered_district", "registered_town", "canteen_id", "canteen_district", "canteen_town", "channel",
            "meal_slot", "time", "price_fen");

    private final List<Canteen> canteens;
    private final YearMonth month;
    private final List<Row> rows = new ArrayList<>();

    PurchasePlan(List<Canteen> canteens, YearMonth month) {
        this.canteens = canteens;
        this.month = month;
    }

    void addMealsOf(ElderRecord elder, SplittableRandom random) {
        if (elder.status() != ElderState.ACTIVE || random.nextInt(100) >= 60) {
            return; // most registered elders never use a canteen in a given month
        }
        boolean frail = elder.categories().stream().anyMatch(c -> c.code().equals("incapacitated"));
        Canteen usual = usualCanteen(elder, random);
        String categories = String.join(";", elder.categories().stream().map(CategoryTag::toString).toList());
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate day = month.atDay(d);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (random.nextInt(100) < (weekend ? 25 : 55)) {
                add(elder, categories, pick(usual, random), day.atTime(10, 45).plusMinutes(random.nextInt(135)),
                        "lunch", random.nextInt(100) < (frail ? 40 : 5), random.nextInt(3) == 0 ? 1000 : 1200);
            }
            if (random.nextInt(100) < 18) {
                add(elder, categories, pick(usual, random), day.atTime(17, 0).plusMinutes(random.nextInt(90)),
                        "dinner", random.nextInt(100) < (frail ? 40 : 5), 1000);
            }
        }
    }

    private Canteen usualCanteen(ElderRecord elder, SplittableRandom random) {
        List<Canteen> sameTown = canteens.stream().filter(c -> c.town().equals(elder.registeredTown())).toList();
        if (!sameTown.isEmpty()) {
            return sameTown.get(random.nextInt(sameTown.size()));
        }
        List<Canteen> sameDistrict = canteens.stream().filter(c -> c.district().equals(elder.registeredDistrict())).toList();
        if (!sameDistrict.isEmpty()) {
            return sameDistrict.get(random.nextInt(sameDistrict.size()));
        }
        return canteens.get(random.nextInt(canteens.size()));
    }

    private Canteen pick(Canteen usual, SplittableRandom random) {
        return random.nextInt(100) < 8 ? canteens.get(random.nextInt(canteens.size())) : usual;
    }

    private void add(ElderRecord e, String categories, Canteen c, LocalDateTime time, String slot, boolean delivery, long price) {
        rows.add(new Row(time, List.of("", e.elderId(), e.birthDate().toString(), categories, e.registeredDistrict(),
                e.registeredTown(), c.id(), c.district(), c.town(), delivery ? "delivery" : "dine_in", slot, time.toString(),
                Long.toString(price))));
    }

    /** The rows in time order, numbered P0000001… in that order. */
    List<List<String>> sortedRows() {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a.time().compareTo(b.time()));
        List<List<String>> out = new ArrayList<>(sorted.size());
        int n = 1;
        for (Row r : sorted) {
            List<String> f = new ArrayList<>(r.fields());
            f.set(0, String.format("P%07d", n++));
            out.add(f);
        }
        return out;
    }
}
