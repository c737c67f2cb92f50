package org.yishi.config.registry;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yishi.core.time.ServingWindow;

/**
 * The {@code serving_hours} column of canteens.csv: a canteen's own serving hours by meal-slot code,
 * {@code lunch=10:30-13:30;dinner=16:30-19:00}. Slot codes are the policy's (data, not a fixed list); the windows are
 * used for the slots whose policy names no window. Empty: the canteen gives no hours.
 */
public final class ServingHours {

    private static final Pattern ENTRY = Pattern.compile("([a-z][a-z0-9_]{0,31})=(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    private ServingHours() {
    }

    public static Map<String, ServingWindow> parse(String column, String value) {
        Map<String, ServingWindow> out = new LinkedHashMap<>();
        if (value.isEmpty()) {
            return out;
        }
        for (String part : value.split(";")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new FieldException(column, "\"" + entry + "\" is not slot=HH:MM-HH:MM (e.g. lunch=10:30-13:30; separate slots with ;)");
            }
            ServingWindow w;
            try {
                w = new ServingWindow(LocalTime.parse(m.group(2)), LocalTime.parse(m.group(3)));
            } catch (DateTimeParseException e) {
                throw new FieldException(column, "\"" + entry + "\": not a time of day (00:00 to 23:59)");
            } catch (IllegalArgumentException e) {
                throw new FieldException(column, "\"" + entry + "\": the window must start before it ends, within one day");
            }
            String code = m.group(1);
            if (out.containsKey(code)) {
                throw new FieldException(column, "slot " + code + " is given twice");
            }
            for (Map.Entry<String, ServingWindow> e : out.entrySet()) {
                if (e.getValue().overlaps(w)) {
                    throw new FieldException(column, code + " " + w + " overlaps " + e.getKey() + " " + e.getValue());
                }
            }
            out.put(code, w);
        }
        return out;
    }

    /** The column's text for a canteen's hours, slots in time order. */
    public static String format(Map<String, ServingWindow> hours) {
        return hours.entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) -> a.start().compareTo(b.start())))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }
}
