package org.yishi.config.till;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.yishi.config.yaml.Fields;
import org.yishi.config.yaml.Problems;
import org.yishi.config.yaml.Suggestions;
import org.yishi.config.yaml.ValueReader;

/** Turns one composed till configuration document into a {@link TillConfig}; one instance per file. */
final class TillConfigReader {

    static final List<String> KEYS = List.of("till_id", "canteen_id", "policy_id", "zone", "language", "data_dir",
            "printer", "card_readers", "qr", "staff", "customer_display");
    static final List<String> PRINTER_KEYS = List.of("target", "paper_mm");
    static final List<String> READER_KEYS = List.of("pcsc");
    static final List<String> PCSC_KEYS = List.of("enabled", "debounce_ms", "reader_filter", "uid_reversed", "elder_file_aid");
    static final List<String> QR_KEYS = List.of("trusted_keys");
    static final List<String> STAFF_KEYS = List.of("idle_lock_minutes", "max_failed_pins", "lockout_minutes", "allow_self_approval",
            "approval_valid_seconds");

    /**
     * The till id must fit both the journal (letters, digits, {@code . _ : -}) and the receipt header (letters,
     * digits, {@code _ -}, at most 32): the narrower of the two.
     */
    private static final Pattern TILL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    /** As canteens.csv has it (docs/registry-csv.md). */
    private static final Pattern CANTEEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    /** As a policy file's {@code id} (docs/policy-format.md). */
    private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]*");
    private static final Map<String, String> LANGUAGES = choices("zh", "en");
    private static final Map<String, Integer> PAPER = paperWidths();
    private static final List<String> SCHEMES = List.of("tcp", "file", "cups", "screen");

    private final Problems problems;
    private final ValueReader values;
    private final Path baseDir;
    private final Path file;
    private final PrinterTargetCheck printerCheck;

    TillConfigReader(Problems problems, Path file, PrinterTargetCheck printerCheck) {
        this.problems = problems;
        this.values = new ValueReader(problems);
        this.file = file;
        this.baseDir = file.getParent();
        this.printerCheck = printerCheck;
    }

    Optional<TillConfig> read(Node root) {
        Fields f = Fields.of(root, "", problems, KEYS);
        Optional<String> tillId = f.require("till_id").flatMap(n -> values.code(n, "till_id", TILL_ID,
                "letters, digits, - and _ (at most 32), starting with a letter or digit, e.g. GZ-ZC-C01-T1"));
        Optional<String> canteenId = f.require("canteen_id").flatMap(n -> values.code(n, "canteen_id", CANTEEN_ID,
                "1-32 letters, digits, - or _ (as in canteens.csv)"));
        Optional<String> policyId = f.require("policy_id").flatMap(n -> values.code(n, "policy_id", POLICY_ID,
                "the id: of a policy file (lower-case letters, digits, _ . -), e.g. guangzhou-zengcheng"));
        ZoneId zone = f.get("zone").flatMap(n -> values.zone(n, "zone")).orElse(TillConfig.DEFAULT_ZONE);
        String language = f.get("language").flatMap(n -> values.choice(n, "language", LANGUAGES)).orElse("zh");
        Optional<Path> dataDir = f.require("data_dir").flatMap(n -> path(n, "data_dir"));
        TillConfig.Printer printer = f.get("printer").map(n -> printer(n, "printer")).orElse(TillConfig.Printer.SCREEN);
        TillConfig.CardReaders readers = f.get("card_readers").map(n -> cardReaders(n, "card_readers"))
                .orElse(TillConfig.CardReaders.NONE);
        Optional<Path> trustedKeys = f.get("qr").flatMap(n -> qr(n, "qr"));
        TillConfig.Staff staff = f.get("staff").map(n -> staff(n, "staff")).orElse(TillConfig.Staff.DEFAULTS);
        boolean customerDisplay = f.get("customer_display").flatMap(n -> values.bool(n, "customer_display")).orElse(true);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TillConfig(file, tillId.orElseThrow(), canteenId.orElseThrow(), policyId.orElseThrow(), zone,
                language, dataDir.orElseThrow(), printer, readers, trustedKeys, staff, customerDisplay));
    }

    private TillConfig.Printer printer(Node node, String path) {
        Fields f = Fields.of(node, path, problems, PRINTER_KEYS);
        String target = f.get("target").flatMap(n -> printerTarget(n, f.path("target"))).orElse("screen:");
        int paper = f.get("paper_mm").flatMap(n -> paperWidth(n, f.path("paper_mm"))).orElse(80);
        return new TillConfig.Printer(target, paper);
    }

    private Optional<Integer> paperWidth(Node node, String path) {
        return values.text(node, path).flatMap(text -> {
            Integer mm = PAPER.get(text);
            if (mm == null) {
                problems.add(node, path, "receipt paper is 58 or 80 (mm wide), not \"" + text + "\"");
            }
            return Optional.ofNullable(mm);
        });
    }

    private Optional<String> printerTarget(Node node, String path) {
        return values.text(node, path).filter(target -> {
            int colon = target.indexOf(':');
            String scheme = colon <= 0 ? "" : target.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)) {
                problems.add(node, path, "printer target \"" + target + "\" must start with tcp://, file:, cups: or screen:"
                        + (scheme.isEmpty() ? "" : Suggestions.hint(scheme, SCHEMES))
                        + " (tcp://192.168.1.50:9100, file:/dev/usb/lp0, cups:QUEUE, screen:)");
                return false;
            }
            Optional<String> wrong = printerCheck.problem(target);
            wrong.ifPresent(message -> problems.add(node, path, message));
            return wrong.isEmpty();
        });
    }

    private TillConfig.CardReaders cardReaders(Node node, String path) {
        Fields f = Fields.of(node, path, problems, READER_KEYS);
        return new TillConfig.CardReaders(f.get("pcsc").map(n -> pcsc(n, f.path("pcsc"))));
    }

    private TillConfig.Pcsc pcsc(Node node, String path) {
        Fields f = Fields.of(node, path, problems, PCSC_KEYS);
        boolean enabled = f.get("enabled").flatMap(n -> values.bool(n, f.path("enabled"))).orElse(true);
        // 0 is allowed: it turns debouncing off, which a reader that debounces in firmware may want.
        Optional<Duration> debounce = f.get("debounce_ms").flatMap(n -> values.integer(n, f.path("debounce_ms"), 0, 10_000))
                .map(Duration::ofMillis);
        String filter = f.get("reader_filter").flatMap(n -> values.text(n, f.path("reader_filter"))).orElse("");
        boolean reversed = f.get("uid_reversed").flatMap(n -> values.bool(n, f.path("uid_reversed"))).orElse(false);
        Optional<String> aid = f.get("elder_file_aid").flatMap(n -> aid(n, f.path("elder_file_aid")));
        return new TillConfig.Pcsc(enabled, debounce, filter, reversed, aid);
    }

    private Optional<String> aid(Node node, String path) {
        return values.text(node, path).flatMap(text -> {
            String hex = text.replace(" ", "");
            if (!HEX.matcher(hex).matches() || hex.length() % 2 != 0) {
                problems.add(node, path, "an AID is written in hex, two digits a byte (F059495348490001), not \"" + text + "\"");
                return Optional.empty();
            }
            int bytes = hex.length() / 2;
            if (bytes < 5 || bytes > 16) {
                problems.add(node, path, "an AID has 5 to 16 bytes (ISO 7816-4), \"" + text + "\" has " + bytes);
                return Optional.empty();
            }
            return Optional.of(hex.toUpperCase(Locale.ROOT));
        });
    }

    private Optional<Path> qr(Node node, String path) {
        Fields f = Fields.of(node, path, problems, QR_KEYS);
        return f.require("trusted_keys").flatMap(n -> path(n, f.path("trusted_keys"))).filter(keys -> {
            if (!Files.isRegularFile(keys)) {
                problems.add(f.get("trusted_keys").orElseThrow(), f.path("trusted_keys"), "no such file: " + keys);
                return false;
            }
            return true;
        });
    }

    private TillConfig.Staff staff(Node node, String path) {
        Fields f = Fields.of(node, path, problems, STAFF_KEYS);
        return new TillConfig.Staff(
                f.get("idle_lock_minutes").flatMap(n -> values.integer(n, f.path("idle_lock_minutes"), 1, 24 * 60)).map(Duration::ofMinutes),
                f.get("max_failed_pins").flatMap(n -> values.integer(n, f.path("max_failed_pins"), 1, 100)),
                f.get("lockout_minutes").flatMap(n -> values.integer(n, f.path("lockout_minutes"), 1, 24 * 60)).map(Duration::ofMinutes),
                f.get("allow_self_approval").flatMap(n -> values.bool(n, f.path("allow_self_approval"))),
                // at least 10 s to type the PIN and act; at most 600 s (the staff module's maximum): an approval is for
                // the action in hand, not for later
                f.get("approval_valid_seconds").flatMap(n -> values.integer(n, f.path("approval_valid_seconds"), 10, 600))
                        .map(Duration::ofSeconds));
    }

    /** A path, relative ones resolved against the configuration file's directory (not the working directory). */
    private Optional<Path> path(Node node, String path) {
        return values.text(node, path).flatMap(text -> {
            try {
                return Optional.of(baseDir.resolve(text).normalize());
            } catch (InvalidPathException e) {
                problems.add(node, path, "not a valid path: \"" + text + "\" (" + e.getReason() + ")");
                return Optional.empty();
            }
        });
    }

    private static Map<String, Integer> paperWidths() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("58", 58);
        map.put("80", 80);
        return map;
    }

    private static Map<String, String> choices(String... words) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String w : words) {
            map.put(w, w);
        }
        return map;
    }
}
