package org.yishi.config.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yishi.config.csv.CsvRecord;
import org.yishi.core.elder.CategoryTag;

/** Typed access to the fields of one registry row; each failure names its column. */
final class Fields {
    private final CsvRecord record;

    Fields(CsvRecord record) {
        this.record = record;
    }

    String text(String column) {
        return record.get(column).strip();
    }

    /** The stripped value of an optional column, "" when the file has no such column (older exports) or the field is empty. */
    String optional(String column) {
        return record.header().containsKey(column) ? text(column) : "";
    }

    /** An optional column that must match {@code regex} when given. */
    String optionalMatching(String column, String regex, String what) {
        String v = optional(column);
        if (!v.isEmpty() && !v.matches(regex)) {
            throw new FieldException(column, "must be " + what + " or empty: \"" + v + "\"");
        }
        return v;
    }

    String required(String column) {
        String v = text(column);
        if (v.isEmpty()) {
            throw new FieldException(column, "is empty");
        }
        return v;
    }

    String matching(String column, String regex, String what) {
        String v = required(column);
        if (!v.matches(regex)) {
            throw new FieldException(column, "must be " + what + ": \"" + v + "\"");
        }
        return v;
    }

    LocalDate date(String column) {
        String v = required(column);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new FieldException(column, "is not a date (YYYY-MM-DD): \"" + v + "\"");
        }
    }

    LocalDate optionalDate(String column) {
        return text(column).isEmpty() ? null : date(column);
    }

    OffsetDateTime dateTime(String column) {
        String v = required(column);
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new FieldException(column, "is not a date-time with offset (2025-03-01T09:00:00+08:00): \"" + v + "\"");
        }
    }

    long nonNegativeLong(String column) {
        String v = required(column);
        if (!v.matches("\\d{1,15}")) {
            throw new FieldException(column, "must be a whole number of fen, 0 or more: \"" + v + "\"");
        }
        return Long.parseLong(v);
    }

    boolean bool(String column) {
        String v = required(column).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new FieldException(column, "must be true or false: \"" + v + "\"");
        };
    }

    <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        return enumValue(column, List.of(type.getEnumConstants()));
    }

    /** One of {@code allowed}, written in lower case; anything else is refused, naming what is allowed. */
    <E extends Enum<E>> E enumValue(String column, List<E> allowed) {
        String v = required(column);
        for (E c : allowed) {
            if (c.name().equalsIgnoreCase(v)) {
                return c;
            }
        }
        List<String> names = new ArrayList<>();
        for (E c : allowed) {
            names.add(c.name().toLowerCase(Locale.ROOT));
        }
        throw new FieldException(column, "must be one of " + String.join("|", names) + ": \"" + v + "\"");
    }

    List<CategoryTag> categories(String column) {
        String v = text(column);
        List<CategoryTag> tags = new ArrayList<>();
        if (v.isEmpty()) {
            return tags;
        }
        for (String part : v.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                tags.add(CategoryTag.parse(part));
            } catch (IllegalArgumentException e) {
                throw new FieldException(column, e.getMessage());
            }
        }
        return tags;
    }

    List<String> list(String column) {
        List<String> out = new ArrayList<>();
        for (String part : text(column).split(";")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
