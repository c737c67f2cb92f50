package org.yishi.core.journal;

import java.util.regex.Pattern;

/** Argument checks shared by the payload records, with messages naming the field. */
final class Checks {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /**
     * A code (docs/journal-format.md §7): payment methods, funders, meal slots, refusal reasons, approved actions.
     * ASCII only, so that a code has one spelling: {@code Cash}, {@code CITY}, a private-use character or an emoji
     * would each open a second column in the totals for the same thing. 64 is the longest any earlier writer allowed.
     */
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private Checks() {
    }

    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-blank string, found " + PayloadFields.describe(value));
        }
        return value;
    }

    static String optionalText(String field, String value) {
        return value == null ? null : text(field, value);
    }

    static String code(String field, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be a lower-case code (1-64 of a-z, 0-9 and _, starting with a letter), found "
                    + PayloadFields.describe(value));
        }
        return value;
    }

    static String optionalCode(String field, String value) {
        return value == null ? null : code(field, value);
    }

    /** Length in Unicode code points (what the format counts), not UTF-16 units: an emoji is one character. */
    static int characters(String value) {
        return value.codePointCount(0, value.length());
    }

    static long positive(String field, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, found " + value);
        }
        return value;
    }

    static long notNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, found " + value);
        }
        return value;
    }

    static String sha256(String field, String value) {
        if (value == null || !SHA256_HEX.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 64 lower-case hex characters, found " + PayloadFields.describe(value));
        }
        return value;
    }
}
