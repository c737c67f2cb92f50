package org.yishi.till.script;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a till script, checked: a known action with the arguments it needs, each of the right type.
 *
 * @param number the line's number in the file (1-based), echoed as {@code line} in the output
 * @param action the {@code "do"} value
 * @param at     the {@code "at"} local date-time in the till's zone, if given
 * @param args   the other members
 */
record ScriptLine(int number, String action, Optional<LocalDateTime> at, Map<String, Object> args) {

    ScriptLine {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        args = Map.copyOf(args);
    }

    String text(String name) {
        return (String) args.get(name);
    }

    Optional<String> optionalText(String name) {
        return Optional.ofNullable((String) args.get(name));
    }

    long integer(String name) {
        return (Long) args.get(name);
    }

    @SuppressWarnings("unchecked")
    List<String> texts(String name) {
        return (List<String>) args.get(name);
    }
}
