package org.yishi.till.script;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yishi.core.journal.StrictJsonParser;

/**
 * Reads a till script (docs/till-script.md): JSON lines, each an object with {@code "do"}, an optional {@code "at"}
 * and the action's arguments. The whole script is checked before anything runs, so a typo on line 40 does not leave
 * 39 lines carried out. Blank lines and lines starting with {@code #} or {@code //} are skipped.
 */
final class ScriptParser {

    private enum Kind { TEXT, INTEGER, TEXTS }

    private record Arg(String name, Kind kind, boolean required) {
    }

    private static final Map<String, List<Arg>> ACTIONS = new LinkedHashMap<>();

    static {
        define("login", req("staff", Kind.TEXT), req("pin", Kind.TEXT));
        define("logout");
        define("open_shift", req("float_fen", Kind.INTEGER));
        define("tap", req("uid", Kind.TEXT));
        define("qr", req("payload", Kind.TEXT));
        define("walk_in");
        define("manual", req("elder", Kind.TEXT), req("supervisor", Kind.TEXT), req("pin", Kind.TEXT));
        define("items", req("ids", Kind.TEXTS));
        define("confirm", req("pay", Kind.TEXT), opt("tendered_fen", Kind.INTEGER), opt("method", Kind.TEXT), opt("ref", Kind.TEXT));
        define("cancel");
        define("void", req("receipt", Kind.TEXT), req("supervisor", Kind.TEXT), req("pin", Kind.TEXT), opt("reason", Kind.TEXT));
        define("refund", req("receipt", Kind.TEXT), req("supervisor", Kind.TEXT), req("pin", Kind.TEXT), opt("reason", Kind.TEXT));
        define("reprint", req("receipt", Kind.TEXT), opt("reason", Kind.TEXT));
        define("rate", req("value", Kind.INTEGER));
        define("close_shift", req("counted_fen", Kind.INTEGER), opt("supervisor", Kind.TEXT), opt("pin", Kind.TEXT));
        define("confirm_clock", req("supervisor", Kind.TEXT), req("pin", Kind.TEXT));
    }

    private static void define(String action, Arg... args) {
        ACTIONS.put(action, List.of(args));
    }

    private static Arg req(String name, Kind kind) {
        return new Arg(name, kind, true);
    }

    private static Arg opt(String name, Kind kind) {
        return new Arg(name, kind, false);
    }

    /** The actions a script may use, in documentation order. */
    static Set<String> actions() {
        return ACTIONS.keySet();
    }

    List<ScriptLine> parse(BufferedReader in) throws IOException, ScriptSyntaxException {
        List<ScriptLine> lines = new ArrayList<>();
        int number = 0;
        for (String text; (text = in.readLine()) != null; ) {
            number++;
            String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("//")) {
                continue;
            }
            lines.add(parseLine(number, trimmed));
        }
        return lines;
    }

    ScriptLine parseLine(int number, String text) throws ScriptSyntaxException {
        Object value;
        try {
            value = StrictJsonParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ScriptSyntaxException(number, "not JSON: " + e.getMessage());
        }
        if (!(value instanceof Map<?, ?> object)) {
            throw new ScriptSyntaxException(number, "expected a JSON object like {\"do\":\"tap\",\"uid\":\"…\"}");
        }
        if (!(object.get("do") instanceof String action)) {
            throw new ScriptSyntaxException(number, "\"do\" is missing or not a string; one of " + String.join(", ", actions()));
        }
        List<Arg> args = ACTIONS.get(action);
        if (args == null) {
            throw new ScriptSyntaxException(number, "unknown action \"" + action + "\"; one of " + String.join(", ", actions()));
        }
        Optional<LocalDateTime> at = Optional.empty();
        if (object.containsKey("at")) {
            if (!(object.get("at") instanceof String atText)) {
                throw new ScriptSyntaxException(number, "\"at\" must be a local date-time string like \"2026-11-02T11:30:00\"");
            }
            try {
                at = Optional.of(LocalDateTime.parse(atText));
            } catch (DateTimeParseException e) {
                throw new ScriptSyntaxException(number, "\"at\" is not an ISO local date-time (like 2026-11-02T11:30:00): \"" + atText + "\"");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> known = new TreeSet<>(List.of("do", "at"));
        for (Arg arg : args) {
            known.add(arg.name());
            Object v = object.get(arg.name());
            if (v == null) {
                if (arg.required()) {
                    throw new ScriptSyntaxException(number, action + " needs \"" + arg.name() + "\"");
                }
                continue;
            }
            values.put(arg.name(), checked(number, action, arg, v));
        }
        for (Object member : object.keySet()) {
            if (!known.contains(member)) {
                throw new ScriptSyntaxException(number, action + " takes no \"" + member + "\"; it takes "
                        + String.join(", ", args.stream().map(Arg::name).toList()));
            }
        }
        return new ScriptLine(number, action, at, values);
    }

    private static Object checked(int number, String action, Arg arg, Object v) throws ScriptSyntaxException {
        switch (arg.kind()) {
            case TEXT -> {
                // Staff numbers written as numbers are taken as text; a PIN is never a number (its leading zeros).
                if (v instanceof Long n && !arg.name().equals("pin")) {
                    return Long.toString(n);
                }
                if (!(v instanceof String s) || s.isBlank()) {
                    throw new ScriptSyntaxException(number, action + ": \"" + arg.name() + "\" must be a non-empty string"
                            + (arg.name().equals("pin") ? " (\"0123\", so leading zeros are kept)" : ""));
                }
                return s;
            }
            case INTEGER -> {
                if (!(v instanceof Long n)) {
                    throw new ScriptSyntaxException(number, action + ": \"" + arg.name() + "\" must be a whole number (fen are integers)");
                }
                return n;
            }
            case TEXTS -> {
                if (!(v instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(e -> e instanceof String s && !s.isBlank())) {
                    throw new ScriptSyntaxException(number, action + ": \"" + arg.name() + "\" must be a non-empty list of strings");
                }
                return List.copyOf(list.stream().map(String.class::cast).toList());
            }
            default -> throw new IllegalStateException("unhandled kind " + arg.kind());
        }
    }
}
