package org.yishi.config.simulate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yishi.config.category.CategoryVocabulary;
import org.yishi.config.csv.CsvRecord;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.MealSlot;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.Purchase;
import org.yishi.core.subsidy.PurchaseLine;

/**
 * Turns one record of a purchases file ({@code docs/simulate.md}) into an elder and a purchase, checking every
 * field and reporting all that are wrong — with line, column and field — rather than the first.
 */
final class PurchaseRowParser {

    /** The input columns, in the documented order (files may order them differently; names must match). */
    static final List<String> COLUMNS = List.of("purchase_id", "elder_id", "birth_date", "categories", "registered_district",
            "registered_town", "canteen_id", "canteen_district", "canteen_town", "channel", "meal_slot", "time", "price_fen");

    /** Ids end up in output files opened in spreadsheets: no leading =, +, - or @, no separators. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}");
    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    private static final Pattern TOWN = Pattern.compile("\\d{6,12}");
    private static final Pattern SLOT = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern FEN = Pattern.compile("-?\\d{1,15}");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);

    private final Policy policy;
    private final CategoryVocabulary vocabulary;

    PurchaseRowParser(Policy policy) {
        this.policy = policy;
        this.vocabulary = CategoryVocabulary.of(policy.categories());
    }

    PurchaseRow parse(CsvRecord record) {
        Row r = new Row(record);
        if (record.size() != record.header().size()) {
            String id = r.raw("purchase_id");
            return PurchaseRow.bad(record.line(), ID.matcher(id).matches() ? id : "", List.of(new RowError(record.line(), 0, "",
                    "has " + record.size() + " fields; the header has " + record.header().size())));
        }
        Optional<String> purchaseId = r.id("purchase_id");
        Optional<String> elderId = r.id("elder_id");
        Optional<LocalDate> birth = r.date("birth_date");
        List<CategoryTag> categories = r.categories("categories");
        Optional<String> district = r.matching("registered_district", DISTRICT, "a 6-digit GB/T 2260 district code");
        Optional<String> town = r.matching("registered_town", TOWN, "a town/street code of 6 to 12 digits");
        Optional<String> canteenId = r.id("canteen_id");
        Optional<String> canteenDistrict = r.matching("canteen_district", DISTRICT, "a 6-digit GB/T 2260 district code");
        Optional<String> canteenTown = r.matching("canteen_town", TOWN, "a town/street code of 6 to 12 digits");
        Optional<Channel> channel = r.channel("channel");
        Optional<LocalDateTime> time = r.time("time");
        String slot = r.slot("meal_slot", time);
        Optional<Long> price = r.price("price_fen");
        r.townInDistrict("registered_town", town, district);
        r.townInDistrict("canteen_town", canteenTown, canteenDistrict);
        if (birth.isPresent() && time.isPresent() && birth.get().isAfter(time.get().toLocalDate())) {
            r.error("birth_date", "born " + birth.get() + ", after the purchase (" + time.get().toLocalDate() + ")");
        }
        if (!r.errors.isEmpty()) {
            return PurchaseRow.bad(record.line(), purchaseId.orElse(""), r.errors);
        }
        Elder elder = new Elder(elderId.orElseThrow(), "", birth.orElseThrow(), categories, district.orElseThrow(), town.orElseThrow(),
                List.of(), "", "");
        Canteen canteen = new Canteen(canteenId.orElseThrow(), canteenId.get(), canteenDistrict.orElseThrow(), canteenTown.orElseThrow(), "");
        Purchase purchase = new Purchase(canteen, List.of(new PurchaseLine("meal", "meal", price.orElseThrow(), 1, true)),
                time.orElseThrow(), channel.orElseThrow(), slot.isEmpty() ? Optional.empty() : Optional.of(slot), Optional.empty());
        return new PurchaseRow(record.line(), purchaseId.get(), elder, purchase, List.of());
    }

    /** One record being parsed, with the errors found so far. */
    private final class Row {
        private final CsvRecord record;
        private final Map<String, Integer> header;
        private final List<RowError> errors = new ArrayList<>();

        Row(CsvRecord record) {
            this.record = record;
            this.header = record.header();
        }

        String raw(String column) {
            return record.get(column).strip();
        }

        void error(String column, String message) {
            errors.add(new RowError(record.line(), header.get(column) + 1, column, message));
        }

        /** The value, or an error if it is empty or contains undecodable bytes. */
        Optional<String> present(String column) {
            String v = raw(column);
            if (v.isEmpty()) {
                error(column, "is empty");
                return Optional.empty();
            }
            if (v.indexOf('\uFFFD') >= 0) {
                error(column, "contains bytes that are not valid UTF-8");
                return Optional.empty();
            }
            return Optional.of(v);
        }

        Optional<String> matching(String column, Pattern pattern, String expected) {
            return present(column).filter(v -> {
                if (pattern.matcher(v).matches()) {
                    return true;
                }
                error(column, "must be " + expected + ", not \"" + shorten(v) + "\"");
                return false;
            });
        }

        Optional<String> id(String column) {
            return matching(column, ID, "an id of letters, digits and _ . : / - (at most 64, starting with a letter or digit)");
        }

        Optional<LocalDate> date(String column) {
            return present(column).flatMap(v -> {
                try {
                    LocalDate d = LocalDate.parse(v);
                    if (d.isBefore(EARLIEST_BIRTH)) {
                        error(column, "implausible birth date " + v);
                        return Optional.empty();
                    }
                    return Optional.of(d);
                } catch (DateTimeParseException e) {
                    error(column, "not a date (YYYY-MM-DD): \"" + shorten(v) + "\"");
                    return Optional.empty();
                }
            });
        }

        List<CategoryTag> categories(String column) {
            List<CategoryTag> out = new ArrayList<>();
            String v = raw(column);
            if (v.isEmpty()) {
                return out;
            }
            Set<String> codes = new HashSet<>();
            for (String piece : v.split(";", -1)) {
                String p = piece.strip();
                if (p.isEmpty()) {
                    error(column, "empty category between ';' in \"" + shorten(v) + "\"");
                    continue;
                }
                CategoryTag tag;
                try {
                    tag = CategoryTag.parse(p);
                } catch (IllegalArgumentException e) {
                    error(column, e.getMessage());
                    continue;
                }
                Optional<String> wrong = vocabulary.check(tag);
                if (wrong.isPresent()) {
                    error(column, wrong.get());
                } else if (!codes.add(tag.code())) {
                    error(column, "category " + tag.code() + " given twice");
                } else {
                    out.add(tag);
                }
            }
            return out;
        }

        Optional<Channel> channel(String column) {
            return present(column).flatMap(v -> {
                try {
                    return Optional.of(Channel.fromCode(v));
                } catch (IllegalArgumentException e) {
                    error(column, "must be dine_in or delivery, not \"" + shorten(v) + "\"");
                    return Optional.empty();
                }
            });
        }

        /** ISO-8601 local time in the policy's zone; a time with an offset is converted to that zone. */
        Optional<LocalDateTime> time(String column) {
            return present(column).flatMap(v -> {
                String iso = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + "T" + v.substring(11) : v;
                try {
                    return Optional.of(LocalDateTime.parse(iso));
                } catch (DateTimeParseException local) {
                    try {
                        return Optional.of(OffsetDateTime.parse(iso).atZoneSameInstant(policy.zone()).toLocalDateTime());
                    } catch (DateTimeParseException offset) {
                        error(column, "not a date and time (2025-03-03T12:05): \"" + shorten(v) + "\"");
                        return Optional.empty();
                    }
                }
            });
        }

        /** The slot as given, or when empty the policy slot whose window holds the time ("" if none does). */
        String slot(String column, Optional<LocalDateTime> time) {
            String v = raw(column);
            if (v.isEmpty()) {
                return time.flatMap(t -> policy.mealSlots().stream()
                        .filter(s -> s.window().map(w -> w.contains(t.toLocalTime())).orElse(false)).findFirst())
                        .map(MealSlot::code).orElse("");
            }
            if (!SLOT.matcher(v).matches()) {
                error(column, "not a meal-slot code: \"" + shorten(v) + "\"");
            }
            return v;
        }

        Optional<Long> price(String column) {
            return present(column).flatMap(v -> {
                if (!FEN.matcher(v).matches()) {
                    error(column, "must be a whole number of fen (1200 for ¥12), not \"" + shorten(v) + "\"");
                    return Optional.empty();
                }
                long fen = Long.parseLong(v);
                if (fen < 0) {
                    error(column, "must not be negative (" + v + ")");
                    return Optional.empty();
                }
                return Optional.of(fen);
            });
        }

        void townInDistrict(String column, Optional<String> town, Optional<String> district) {
            if (town.isPresent() && district.isPresent() && town.get().length() > 6 && !town.get().startsWith(district.get())) {
                error(column, "town " + town.get() + " is not in district " + district.get());
            }
        }
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
