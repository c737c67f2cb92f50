package org.yishi.testing.gen;

import java.util.SplittableRandom;

/** Runs one try of a property and, when it fails, says which seed and which case (docs/testing.md). */
public final class Cases {

    /** Longest description of a case a failure prints. */
    static final int MAX_DESCRIPTION = 4_000;

    private Cases() {
    }

    /** The body of a try: any failure (assertion or exception) is the property failing. */
    @FunctionalInterface
    public interface Body<T> {
        void accept(T value) throws Throwable;
    }

    /** The case that {@code seed} gives. */
    public static <T> T generate(long seed, Gen<T> gen) {
        return gen.generate(new SplittableRandom(seed));
    }

    /**
     * Generates the case of {@code seed} and runs {@code body} on it.
     *
     * @throws PropertyFailure naming the seed, the case and what went wrong (the original failure is its cause)
     */
    public static <T> T check(long seed, Gen<T> gen, Body<? super T> body) {
        T value = generate(seed, gen);
        try {
            body.accept(value);
        } catch (Throwable t) {
            throw new PropertyFailure(seed, describe(value), t);
        }
        return value;
    }

    /** {@code value}'s text with controls, lone surrogates and other invisible characters as {@code \}{@code uXXXX}. */
    public static String describe(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_DESCRIPTION; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || Character.isSurrogate(c)
                    || Character.getType(c) == Character.FORMAT || c == '\uFFFE' || c == '\uFFFF') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX_DESCRIPTION) {
            out.append("… (").append(text.length()).append(" characters in all)");
        }
        return out.toString();
    }

    /** A property that failed: the message names seed and case and how to run just this seed again. */
    public static final class PropertyFailure extends AssertionError {
        private static final long serialVersionUID = 1L;
        private final long seed;

        PropertyFailure(long seed, String description, Throwable cause) {
            super("property failed for seed " + seed + " (run only it again with -D" + Seeds.SEED + "=" + seed + ")\n"
                    + "  case: " + description + "\n  failure: " + cause, cause);
            this.seed = seed;
        }

        public long seed() {
            return seed;
        }
    }
}
