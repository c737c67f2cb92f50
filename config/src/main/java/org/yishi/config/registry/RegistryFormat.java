package org.yishi.config.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.yishi.config.csv.CsvFormatException;
import org.yishi.config.csv.CsvReader;
import org.yishi.config.csv.CsvRecord;
import org.yishi.config.csv.CsvWriter;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.canteen.MenuItem;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.elder.Elder;
import org.yishi.core.elder.ElderState;
import org.yishi.core.elder.RegistryMode;
import org.yishi.core.elder.ResidentId;
import org.yishi.core.elder.StatusChange;

/**
 * The registry's CSV files (docs/registry-csv.md): what {@code ./yishi demo-data} writes and registry import
 * reads. Each format knows its columns, how to read a row (every failure naming its column) and how to write
 * one. Reading streams and never stops at a bad row: good rows are delivered, bad ones reported.
 *
 * @param <T> the value one row holds
 */
public final class RegistryFormat<T> {

    /** The card statuses a registry exports. BLOCKED is the till's own and never read from a file. */
    private static final List<CardStatus> EXPORTED_CARD_STATUSES = List.of(CardStatus.ACTIVE, CardStatus.LOST, CardStatus.REVOKED);
    private static final Pattern ELDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern CARD_UID = Pattern.compile("[0-9A-F]{8,20}");

    public static final RegistryFormat<Canteen> CANTEENS = new RegistryFormat<>("canteens.csv",
            List.of("canteen_id", "name", "district", "town", "phone"), List.of("serving_hours"),
            f -> new Canteen(f.matching("canteen_id", "[A-Za-z0-9_-]{1,32}", "1-32 letters, digits, - or _"),
                    f.required("name"), f.matching("district", "\\d{6}", "a 6-digit district code"),
                    f.matching("town", "\\d{9}", "a 9-digit town code"), f.text("phone"),
                    ServingHours.parse("serving_hours", f.optional("serving_hours"))),
            c -> List.of(c.id(), c.name(), c.district(), c.town(), c.phone(), ServingHours.format(c.servingHours())), r -> "");

    public static final RegistryFormat<ElderRecord> ELDERS = new RegistryFormat<>("elders.csv",
            List.of("elder_id", "name", "resident_id", "gender", "birth_date", "categories", "registered_district",
                    "registered_town", "phone", "status", "status_since"),
            List.of("resident_district", "resident_town"),
            RegistryFormat::readElder,
            e -> List.of(e.elderId(), e.name(), e.residentId().fullNumber(), e.gender().name().toLowerCase(Locale.ROOT),
                    e.birthDate().toString(), String.join(";", e.categories().stream().map(CategoryTag::toString).toList()),
                    e.registeredDistrict(), e.registeredTown(), e.phone(), e.status().name().toLowerCase(Locale.ROOT),
                    e.statusSince() == null ? "" : e.statusSince().toString(), e.residentDistrict(), e.residentTown()),
            r -> leniently(r, "elder_id", String::strip, ELDER_ID));

    /**
     * The elders as a till receives them from the settlement server (docs/sync-protocol.md, "Zip layout"): what
     * {@link ElderRecord#toTillElder()} keeps — the last four characters of the resident ID and phone, no gender, no full
     * numbers — so that no full ID number ever reaches a till's disk, not even its download's temporary directory.
     */
    public static final RegistryFormat<Elder> TILL_ELDERS = new RegistryFormat<>("till-elders.csv",
            List.of("elder_id", "name", "birth_date", "categories", "registered_district", "registered_town",
                    "resident_district", "resident_town", "resident_id_last4", "phone_last4", "status", "status_since"),
            RegistryFormat::readTillElder,
            e -> {
                StatusChange latest = e.history().isEmpty() ? null : e.history().get(e.history().size() - 1);
                return List.of(e.id(), e.name(), e.birthDate().toString(),
                        String.join(";", e.categories().stream().map(CategoryTag::toString).toList()),
                        e.registeredDistrict(), e.registeredTown(), e.residentDistrict(), e.residentTown(), e.idLast4(),
                        e.phoneLast4(), latest == null ? "active" : latest.state().name().toLowerCase(Locale.ROOT),
                        latest == null ? "" : latest.effectiveFrom().toString());
            },
            r -> leniently(r, "elder_id", String::strip, ELDER_ID));

    public static final RegistryFormat<Card> CARDS = new RegistryFormat<>("cards.csv",
            List.of("card_uid", "elder_id", "status", "since"),
            f -> {
                String uid = f.matching("card_uid", "[0-9A-Fa-f]{8,20}", "8-20 hex digits").toUpperCase(Locale.ROOT);
                return new Card(uid, f.required("elder_id"), f.enumValue("status", EXPORTED_CARD_STATUSES),
                        f.dateTime("since").toInstant());
            },
            c -> List.of(c.uid(), c.elderId(), c.status().name().toLowerCase(Locale.ROOT),
                    OffsetDateTime.ofInstant(c.since(), ZoneId.of("Asia/Shanghai")).toString()),
            // as the till's card lookup reads a UID: a reader typing "04 a1 b2 c3" means card 04A1B2C3
            r -> leniently(r, "card_uid", v -> v.replace(" ", "").replace(":", "").toUpperCase(Locale.ROOT), CARD_UID));

    public static final RegistryFormat<MenuRecord> MENU = new RegistryFormat<>("menu.csv",
            List.of("canteen_id", "item_id", "name", "price_fen", "meal_slots", "subsidy_eligible"),
            f -> new MenuRecord(f.required("canteen_id"), new MenuItem(f.required("item_id"), f.required("name"),
                    f.nonNegativeLong("price_fen"), new HashSet<>(f.list("meal_slots")), f.bool("subsidy_eligible"))),
            m -> List.of(m.canteenId(), m.item().id(), m.item().name(), Long.toString(m.item().priceFen()),
                    String.join(";", m.item().mealSlots().stream().sorted().toList()), Boolean.toString(m.item().subsidyEligible())),
            r -> "");

    /**
     * Till staff (docs/registry-csv.md): roles separated by {@code ;}, the PIN only as a bcrypt hash, and (optional) the
     * canteen whose tills they use, empty for every canteen.
     */
    public static final RegistryFormat<StaffRecord> STAFF = new RegistryFormat<>("staff.csv",
            List.of("staff_no", "name", "roles", "pin_hash"), List.of("canteen_id"),
            RegistryFormat::readStaff,
            s -> List.of(s.staffNo(), s.name(), String.join(";", s.roles()), s.pinHash(), s.canteenId()), r -> "");

    /** How an export applies to a till's cache (docs/registry-csv.md): one row. Read it with {@link RegistryManifest#read}. */
    public static final RegistryFormat<RegistryManifest> MANIFEST = new RegistryFormat<>("manifest.csv",
            List.of("mode"),
            f -> new RegistryManifest(f.enumValue("mode", RegistryMode.class), true),
            m -> List.of(m.mode().code()), r -> "");

    private final String fileName;
    private final List<String> columns;
    /** Columns a file may lack (older exports): written, never required. */
    private final List<String> optionalColumns;
    private final Function<Fields, T> parser;
    private final Function<T, List<String>> formatter;
    /** The elder id or card UID a (refused) row names, or "". */
    private final Function<CsvRecord, String> keyOf;

    private RegistryFormat(String fileName, List<String> columns, Function<Fields, T> parser, Function<T, List<String>> formatter,
            Function<CsvRecord, String> keyOf) {
        this(fileName, columns, List.of(), parser, formatter, keyOf);
    }

    private RegistryFormat(String fileName, List<String> columns, List<String> optionalColumns, Function<Fields, T> parser,
            Function<T, List<String>> formatter, Function<CsvRecord, String> keyOf) {
        this.fileName = fileName;
        this.columns = List.copyOf(columns);
        this.optionalColumns = List.copyOf(optionalColumns);
        this.parser = parser;
        this.formatter = formatter;
        this.keyOf = keyOf;
    }

    /** The conventional file name, e.g. elders.csv. */
    public String fileName() {
        return fileName;
    }

    /** The columns every file must have. */
    public List<String> columns() {
        return columns;
    }

    /** Columns a file may leave out (added later; an empty field means the documented default). Written by {@link #writer}. */
    public List<String> optionalColumns() {
        return optionalColumns;
    }

    /** Counts of one read. */
    public record ReadResult(long accepted, long refused) {
    }

    /**
     * Reads every row, handing good ones to {@code accepted} and bad ones to {@code refused}.
     *
     * @throws CsvFormatException when the header is wrong or the file cannot be split into rows at all
     */
    public ReadResult read(Reader in, String sourceName, Consumer<T> accepted, Consumer<RowError> refused) {
        return readNumbered(in, sourceName, (value, line) -> accepted.accept(value), refused);
    }

    /**
     * Reads a file (UTF-8), handing each good row over with the line it starts on, so that checks made later (an
     * unknown category for this till, a card of an unknown elder) can name the line too.
     */
    public ReadResult read(Path file, ObjLongConsumer<T> accepted, Consumer<RowError> refused) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readNumbered(in, file.getFileName().toString(), accepted, refused);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #read(Reader, String, Consumer, Consumer)}, with each good row's line. */
    public ReadResult readNumbered(Reader in, String sourceName, ObjLongConsumer<T> accepted, Consumer<RowError> refused) {
        CsvReader csv = CsvReader.open(in);
        csv.requireColumns(columns);
        long ok = 0;
        long bad = 0;
        Optional<CsvRecord> row;
        while ((row = csv.next()).isPresent()) {
            CsvRecord r = row.get();
            if (r.size() != csv.header().size()) {
                refused.accept(new RowError(sourceName, r.line(), "", "has " + r.size() + " fields, the header has " + csv.header().size(),
                        keyOf.apply(r)));
                bad++;
                continue;
            }
            try {
                accepted.accept(parser.apply(new Fields(r)), r.line());
                ok++;
            } catch (FieldException e) {
                refused.accept(new RowError(sourceName, r.line(), e.column(), e.getMessage(), keyOf.apply(r)));
                bad++;
            } catch (IllegalArgumentException e) {
                refused.accept(new RowError(sourceName, r.line(), "", e.getMessage(), keyOf.apply(r)));
                bad++;
            }
        }
        return new ReadResult(ok, bad);
    }

    /** Writes the header now and returns a consumer that writes one row per value. */
    public Consumer<T> writer(CsvWriter out) {
        List<String> header = new java.util.ArrayList<>(columns);
        header.addAll(optionalColumns);
        out.row(header);
        return value -> out.row(formatter.apply(value));
    }

    /** Convenience for small files and tests. */
    public void writeAll(Writer out, Iterable<T> values) {
        CsvWriter csv = new CsvWriter(out);
        Consumer<T> w = writer(csv);
        values.forEach(w);
        csv.flush();
    }

    /**
     * The key a refused row names, normalised as a lookup would, or "" if what is there cannot be a key. A row with too
     * few or too many fields still gets its value at the key's position: blocking a record by mistake stops one elder
     * or card until the next valid row, keeping a lost card working is what must not happen.
     */
    private static String leniently(CsvRecord row, String column, UnaryOperator<String> normalise, Pattern key) {
        String v = normalise.apply(row.get(column).strip());
        return key.matcher(v).matches() ? v : "";
    }

    private static ElderRecord readElder(Fields f) {
        String id = f.matching("elder_id", "[A-Za-z0-9_-]{1,32}", "1-32 letters, digits, - or _");
        ResidentId residentId;
        try {
            residentId = ResidentId.parse(f.required("resident_id"));
        } catch (IllegalArgumentException e) {
            throw new FieldException("resident_id", e.getMessage());
        }
        var birth = f.date("birth_date");
        if (!birth.equals(residentId.birthDate())) {
            throw new FieldException("birth_date", "does not match the birth date in the resident ID (" + residentId + ")");
        }
        ElderRecord.Gender gender = f.enumValue("gender", ElderRecord.Gender.class);
        if ((gender == ElderRecord.Gender.MALE) != residentId.male()) {
            throw new FieldException("gender", "does not match the resident ID's sequence digit");
        }
        String phone = f.text("phone");
        if (!phone.isEmpty() && !phone.matches("\\d{7,15}")) {
            throw new FieldException("phone", "must be 7-15 digits: \"" + phone + "\"");
        }
        ElderState status = f.enumValue("status", ElderState.class);
        var since = f.optionalDate("status_since");
        if (status != ElderState.ACTIVE && since == null) {
            throw new FieldException("status_since", "is required when status is " + status.name().toLowerCase(Locale.ROOT));
        }
        String residentDistrict = f.optionalMatching("resident_district", "\\d{6}", "a 6-digit district code");
        String residentTown = f.optionalMatching("resident_town", "\\d{9}", "a 9-digit town code");
        if (residentDistrict.isEmpty() != residentTown.isEmpty()) {
            String missing = residentDistrict.isEmpty() ? "resident_district" : "resident_town";
            throw new FieldException(missing, "is empty but " + (residentDistrict.isEmpty() ? "resident_town" : "resident_district")
                    + " is given: give both, or neither when the elder lives where he is registered");
        }
        if (!residentTown.isEmpty() && !residentTown.startsWith(residentDistrict)) {
            throw new FieldException("resident_town", "town " + residentTown + " is not in resident_district " + residentDistrict
                    + " (a town code starts with its district's code)");
        }
        return new ElderRecord(id, f.required("name"), residentId, gender, birth, f.categories("categories"),
                f.matching("registered_district", "\\d{6}", "a 6-digit district code"),
                f.matching("registered_town", "\\d{9}", "a 9-digit town code"), phone, status, since, residentDistrict, residentTown);
    }

    private static Elder readTillElder(Fields f) {
        String id = f.matching("elder_id", "[A-Za-z0-9_-]{1,32}", "1-32 letters, digits, - or _");
        String registeredDistrict = f.matching("registered_district", "\\d{6}", "a 6-digit district code");
        String registeredTown = f.matching("registered_town", "\\d{9}", "a 9-digit town code");
        String residentDistrict = f.matching("resident_district", "\\d{6}", "a 6-digit district code");
        String residentTown = f.optionalMatching("resident_town", "\\d{9}", "a 9-digit town code");
        String idLast4 = last4(f, "resident_id_last4", "\\d{3}[0-9X]", "the resident ID's last 4 characters");
        String phoneLast4 = last4(f, "phone_last4", "\\d{4}", "the phone number's last 4 digits");
        ElderState status = f.enumValue("status", ElderState.class);
        var since = f.optionalDate("status_since");
        if (status != ElderState.ACTIVE && since == null) {
            throw new FieldException("status_since", "is required when status is " + status.name().toLowerCase(Locale.ROOT));
        }
        List<StatusChange> history = status == ElderState.ACTIVE ? List.of() : List.of(new StatusChange(status, since));
        return new Elder(id, f.required("name"), f.date("birth_date"), f.categories("categories"), registeredDistrict,
                registeredTown, history, idLast4, phoneLast4, residentDistrict, residentTown);
    }

    /** A last-4 column; what is wrongly there (perhaps a full number) is not echoed into a report or log. */
    private static String last4(Fields f, String column, String regex, String what) {
        String v = f.optional(column);
        if (!v.isEmpty() && !v.matches(regex)) {
            throw new FieldException(column, "must be " + what + " or empty (" + v.length() + " characters given; not shown)");
        }
        return v;
    }

    private static StaffRecord readStaff(Fields f) {
        String staffNo = f.matching("staff_no", "[A-Za-z0-9]{1,16}", "1-16 letters or digits");
        String name = f.required("name");
        List<String> roles = f.list("roles").stream().map(r -> r.toLowerCase(Locale.ROOT)).toList();
        for (String role : roles) {
            if (!StaffRecord.ROLE_CODES.contains(role)) {
                throw new FieldException("roles", "unknown role \"" + role + "\" (expected cashier, supervisor, driver or administrator, separated by ;)");
            }
        }
        if (roles.isEmpty()) {
            throw new FieldException("roles", "is empty (expected cashier, supervisor, driver or administrator, separated by ;)");
        }
        String hash = f.text("pin_hash");
        if (!StaffRecord.BCRYPT.matcher(hash).matches()) {
            // the value is not echoed: a plain PIN in this column must not reach an import report or log
            throw new FieldException("pin_hash", "is not a bcrypt hash ($2b$NN$ followed by 53 characters); "
                    + "write the hash (./yishi staff hash-pin), never the PIN");
        }
        String canteen = f.optionalMatching("canteen_id", StaffRecord.CANTEEN_ID.pattern(), "1-32 letters, digits, - or _");
        return new StaffRecord(staffNo, name, roles, hash, canteen);
    }
}
