package org.yishi.core.elder;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One category an elder belongs to, as the registry records it: a code from the shared
 * vocabulary ({@code docs/categories.md}) with an optional grade or level, e.g. {@code minimum_living}
 * or {@code disabled:2}. Codes are data, never an enum: each city and policy may define more.
 */
public record CategoryTag(String code, OptionalInt grade) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    public CategoryTag {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(grade, "grade");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("category code must be lower-case letters, digits and _ : \"" + code + "\"");
        }
        if (grade.isPresent() && (grade.getAsInt() < 0 || grade.getAsInt() > 99)) {
            throw new IllegalArgumentException("category grade must be 0..99: " + code + ":" + grade.getAsInt());
        }
    }

    public static CategoryTag of(String code) {
        return new CategoryTag(code, OptionalInt.empty());
    }

    public static CategoryTag of(String code, int grade) {
        return new CategoryTag(code, OptionalInt.of(grade));
    }

    /** Parses {@code code} or {@code code:grade}. */
    public static CategoryTag parse(String text) {
        String s = Objects.requireNonNull(text, "category").strip();
        int colon = s.indexOf(':');
        if (colon < 0) {
            return of(s);
        }
        String g = s.substring(colon + 1).strip();
        if (!g.matches("\\d{1,2}")) {
            throw new IllegalArgumentException("category grade must be a whole number: \"" + text + "\"");
        }
        return of(s.substring(0, colon).strip(), Integer.parseInt(g));
    }

    @Override
    public String toString() {
        return grade.isPresent() ? code + ":" + grade.getAsInt() : code;
    }
}
