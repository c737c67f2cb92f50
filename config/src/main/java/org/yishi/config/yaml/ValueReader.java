package org.yishi.config.yaml;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.yishi.core.money.Money;

/**
 * Typed values from YAML scalars. Every method reads the scalar's <em>text</em> (never a YAML-resolved number,
 * so {@code 2.50} stays exactly 250 fen), records a located problem when the text is not acceptable, and
 * returns empty in that case so the caller can go on collecting problems.
 */
public final class ValueReader {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern FEN = Pattern.compile("[+-]?\\d{1,15}");
    private static final Pattern PERCENT = Pattern.compile("(-)?(\\d{1,3})(?:\\.(\\d{1,2}))?\\s*%");
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    private final Problems problems;

    public ValueReader(Problems problems) {
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }

    /** The stripped text of a scalar; a list, a mapping or an empty string is a problem. */
    public Optional<String> text(Node node, String path) {
        if (!(node instanceof ScalarNode s) || node.getTag().equals(Tag.NULL)) {
            problems.add(node, path, "must be a single value, not " + Shapes.describe(node));
            return Optional.empty();
        }
        String v = s.getValue().strip();
        if (v.isEmpty()) {
            problems.add(node, path, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** Text matching {@code pattern}, described to the officer as {@code rule} when it does not. */
    public Optional<String> code(Node node, String path, Pattern pattern, String rule) {
        return text(node, path).filter(v -> {
            if (pattern.matcher(v).matches()) {
                return true;
            }
            problems.add(node, path, "\"" + v + "\" is not a valid code: " + rule);
            return false;
        });
    }

    /** A whole number within [min, max]. */
    public Optional<Integer> integer(Node node, String path, int min, int max) {
        return text(node, path).flatMap(v -> {
            if (!INTEGER.matcher(v).matches()) {
                problems.add(node, path, "must be a whole number, not \"" + v + "\"");
                return Optional.empty();
            }
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                problems.add(node, path, "must be between " + min + " and " + max + " (" + v + ")");
                return Optional.empty();
            }
            return Optional.of(n);
        });
    }

    /** An amount in yuan as people write it ({@code 11}, {@code "2.50"}, {@code 3元}, {@code ¥3}), as fen, not negative. */
    public Optional<Long> yuan(Node node, String path) {
        return text(node, path).flatMap(v -> {
            long fen;
            try {
                fen = Money.parse(v).fen();
            } catch (IllegalArgumentException | ArithmeticException e) {
                boolean tooPrecise = v.matches("[-+¥￥]*\\s*\\d+\\.\\d{3,}\\s*元?");
                problems.add(node, path, tooPrecise
                        ? "amount " + v + " is not a whole number of fen: at most two decimals (¥1.23)"
                        : "not an amount in yuan (write 11, \"2.50\" or 3元): \"" + v + "\"");
                return Optional.empty();
            }
            if (fen < 0) {
                problems.add(node, path, "must not be negative (" + v + ")");
                return Optional.empty();
            }
            return Optional.of(fen);
        });
    }

    /** An amount in whole fen ({@code 1100}), not negative. */
    public Optional<Long> fen(Node node, String path) {
        return text(node, path).flatMap(v -> {
            if (!FEN.matcher(v).matches()) {
                problems.add(node, path, "must be a whole number of fen (1100 for ¥11), not \"" + v + "\"");
                return Optional.empty();
            }
            long fen = Long.parseLong(v);
            if (fen < 0) {
                problems.add(node, path, "must not be negative (" + v + ")");
                return Optional.empty();
            }
            return Optional.of(fen);
        });
    }

    /**
     * An amount under {@code key} (yuan) or {@code key_fen} (fen) of a mapping — one of them, never both.
     *
     * @param required whether its absence is a problem
     */
    public Optional<Long> amount(Fields fields, String key, boolean required) {
        required = required && fields.isMapping();
        Optional<Node> yuanNode = fields.get(key);
        Optional<Node> fenNode = fields.get(key + "_fen");
        if (yuanNode.isPresent() && fenNode.isPresent()) {
            problems.add(fenNode.get(), fields.path(key + "_fen"), "give either " + key + " (yuan) or " + key + "_fen (fen), not both");
            return Optional.empty();
        }
        if (yuanNode.isPresent()) {
            return yuan(yuanNode.get(), fields.path(key));
        }
        if (fenNode.isPresent()) {
            return fen(fenNode.get(), fields.path(key + "_fen"));
        }
        if (required) {
            problems.add(fields.node(), fields.path(), "missing required key \"" + key + "\" (yuan) or \"" + key + "_fen\" (fen)");
        }
        return Optional.empty();
    }

    /** A percentage written {@code 25%} or {@code 12.5%}, 0–100, as basis points (2500). */
    public Optional<Integer> basisPoints(Node node, String path) {
        return text(node, path).flatMap(v -> {
            Matcher m = PERCENT.matcher(v);
            if (!m.matches()) {
                problems.add(node, path, "not a percentage: \"" + v + "\" (write 25% or 12.5%, at most two decimals)");
                return Optional.empty();
            }
            String frac = m.group(3) == null ? "" : m.group(3);
            int bp = Integer.parseInt(m.group(2)) * 100 + (frac.isEmpty() ? 0 : Integer.parseInt(frac.length() == 1 ? frac + "0" : frac));
            if (m.group(1) != null || bp > 10_000) {
                problems.add(node, path, "percentage must be between 0% and 100% (" + v + ")");
                return Optional.empty();
            }
            return Optional.of(bp);
        });
    }

    /** A date written {@code 2022-01-01}. */
    public Optional<LocalDate> date(Node node, String path) {
        return text(node, path).flatMap(v -> {
            try {
                return Optional.of(LocalDate.parse(v));
            } catch (DateTimeParseException e) {
                problems.add(node, path, "not a date (YYYY-MM-DD): \"" + v + "\"");
                return Optional.empty();
            }
        });
    }

    /** A serving window {@code "10:30-13:30"}, start before end, both within the day. */
    public Optional<TimeWindow> window(Node node, String path) {
        return text(node, path).flatMap(v -> {
            Matcher m = WINDOW.matcher(v);
            if (!m.matches()) {
                problems.add(node, path, "not a time window: \"" + v + "\" (write \"10:30-13:30\", quoted)");
                return Optional.empty();
            }
            Optional<LocalTime> start = time(node, path, v, m.group(1), m.group(2));
            Optional<LocalTime> end = time(node, path, v, m.group(3), m.group(4));
            if (start.isEmpty() || end.isEmpty()) {
                return Optional.empty();
            }
            if (!start.get().isBefore(end.get())) {
                problems.add(node, path, "window must start before it ends (" + v + "); a window cannot run past midnight");
                return Optional.empty();
            }
            return Optional.of(new TimeWindow(start.get(), end.get()));
        });
    }

    private Optional<LocalTime> time(Node node, String path, String whole, String h, String m) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        if (hour > 23 || minute > 59) {
            problems.add(node, path, "not a time of day: " + h + ":" + m + " in \"" + whole + "\" (00:00 to 23:59)");
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(hour, minute));
    }

    /** {@code true} or {@code false}. */
    public Optional<Boolean> bool(Node node, String path) {
        return text(node, path).flatMap(v -> switch (v) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                problems.add(node, path, "must be true or false, not \"" + v + "\"");
                yield Optional.empty();
            }
        });
    }

    /** An IANA time-zone id such as {@code Asia/Shanghai}. */
    public Optional<ZoneId> zone(Node node, String path) {
        return text(node, path).flatMap(v -> {
            try {
                return Optional.of(ZoneId.of(v));
            } catch (DateTimeException e) {
                problems.add(node, path, "unknown time zone \"" + v + "\" (write an IANA zone such as Asia/Shanghai)");
                return Optional.empty();
            }
        });
    }

    /** One of a fixed set of words, e.g. {@code home_town}. */
    public <T> Optional<T> choice(Node node, String path, Map<String, T> choices) {
        return text(node, path).flatMap(v -> {
            T t = choices.get(v);
            if (t == null) {
                problems.add(node, path, "\"" + v + "\" is not one of " + String.join(", ", choices.keySet())
                        + Suggestions.hint(v, choices.keySet()));
                return Optional.empty();
            }
            return Optional.of(t);
        });
    }

    /** The items of a list; a single value counts as a list of one. */
    public List<Node> list(Node node, String path) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        if (node instanceof ScalarNode && !node.getTag().equals(Tag.NULL)) {
            return List.of(node);
        }
        problems.add(node, path, "must be a list, not " + Shapes.describe(node));
        return List.of();
    }

    /** The items of a list that must be written as a list of mappings (funders, rules, ...). */
    public List<Node> mappings(Node node, String path) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        problems.add(node, path, "must be a list (each item starting with \"- \"), not " + Shapes.describe(node));
        return List.of();
    }

    /** Path of a list item: {@code rules[2]}. */
    public static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    private static final java.util.regex.Pattern DISTRICT_PREFIX = java.util.regex.Pattern.compile("\\d{2,12}");

    /** A list of GB/T 2260 district-code prefixes (4401 = Guangzhou, 440118 = Zengcheng); bad items are reported. */
    public List<String> districtPrefixes(Node node, String path) {
        List<String> prefixes = new java.util.ArrayList<>();
        List<Node> items = list(node, path);
        for (int i = 0; i < items.size(); i++) {
            code(items.get(i), item(path, i), DISTRICT_PREFIX, "a GB/T 2260 district-code prefix of 2 to 12 digits (4401 = Guangzhou)")
                    .ifPresent(prefixes::add);
        }
        return prefixes;
    }
}
