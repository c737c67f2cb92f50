package org.yishi.testing.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of test cases: a function of a {@link SplittableRandom}, so that one seed always gives the same case
 * (docs/testing.md). Small on purpose — ranges, choices, strings over alphabets, lists, weighted mixes — and with
 * no shrinking: a failure names its seed and prints the case instead ({@link Cases}).
 *
 * <p>Ranges and sizes are biased towards their edges (about one draw in ten is a bound, or zero where the range has
 * it), as a property-testing library would mix in edge cases: the minimum, the maximum, the empty string and list.
 */
@FunctionalInterface
public interface Gen<T> {

    /** How often a range or size generator returns one of its edges instead of a uniform draw: 1 in EDGE_ODDS. */
    int EDGE_ODDS = 10;

    /** How many draws {@link #filter} makes before it gives up (a filter that rejects almost everything is a bug). */
    int MAX_FILTER_ATTEMPTS = 10_000;

    T generate(SplittableRandom random);

    // ---- combinators ----

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f, "f");
        return r -> f.apply(generate(r));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        Objects.requireNonNull(f, "f");
        return r -> f.apply(generate(r)).generate(r);
    }

    /** Draws until {@code keep} holds: every case the test sees holds. */
    default Gen<T> filter(Predicate<? super T> keep) {
        Objects.requireNonNull(keep, "keep");
        return r -> {
            for (int i = 0; i < MAX_FILTER_ATTEMPTS; i++) {
                T value = generate(r);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("filter rejected " + MAX_FILTER_ATTEMPTS + " values in a row");
        };
    }

    /** Lists of {@code min..max} elements (inclusive), sizes biased to the bounds. */
    default Gen<List<T>> list(int min, int max) {
        Gen<Integer> sizes = sizes(min, max);
        return r -> {
            int n = sizes.generate(r);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(generate(r));
            }
            return List.copyOf(out);
        };
    }

    static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        return r -> {
            A first = a.generate(r);
            B second = b.generate(r);
            return f.apply(first, second);
        };
    }

    // ---- numbers ----

    static <T> Gen<T> constant(T value) {
        return r -> value;
    }

    static Gen<Boolean> booleans() {
        return SplittableRandom::nextBoolean;
    }

    /** Integers in {@code min..max}, both inclusive. */
    static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /** Longs in {@code min..max}, both inclusive; about one in ten is {@code min}, {@code max} or 0 (if in range). */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
        return r -> {
            if (r.nextInt(EDGE_ODDS) == 0) {
                return switch (r.nextInt(3)) {
                    case 0 -> min;
                    case 1 -> max;
                    default -> min <= 0 && 0 <= max ? 0L : min;
                };
            }
            if (max == Long.MAX_VALUE && min == Long.MIN_VALUE) {
                return r.nextLong();
            }
            if (max == Long.MAX_VALUE) {
                return r.nextLong(min - 1, max) + 1; // bound exclusive: shift the range down by one and back
            }
            return r.nextLong(min, max + 1);
        };
    }

    /** A size in {@code min..max}: the bounds a little more often than the rest. */
    static Gen<Integer> sizes(int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("bad size range " + min + ".." + max);
        }
        return r -> {
            int roll = r.nextInt(EDGE_ODDS * 2);
            if (roll == 0) {
                return min;
            }
            if (roll == 1) {
                return max;
            }
            return r.nextInt(min, max + 1);
        };
    }

    // ---- choices ----

    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        return oneOf(List.of(values));
    }

    static <T> Gen<T> oneOf(List<? extends T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        List<? extends T> copy = List.copyOf(values);
        return r -> copy.get(r.nextInt(copy.size()));
    }

    static <E extends Enum<E>> Gen<E> enums(Class<E> type) {
        return oneOf(type.getEnumConstants());
    }

    /** One of the generators, chosen evenly. */
    @SafeVarargs
    static <T> Gen<T> oneOfGens(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = List.of(gens);
        return r -> copy.get(r.nextInt(copy.size())).generate(r);
    }

    /** A weight and a generator, for {@link #frequency}. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight must be positive: " + weight);
            }
            Objects.requireNonNull(gen, "gen");
        }
    }

    static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** One of the generators, each chosen in proportion to its weight. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> copy = List.of(choices);
        int total = copy.stream().mapToInt(Weighted::weight).sum();
        return r -> {
            int pick = r.nextInt(total);
            for (Weighted<? extends T> w : copy) {
                pick -= w.weight();
                if (pick < 0) {
                    return w.gen().generate(r);
                }
            }
            throw new AssertionError("unreachable");
        };
    }

    // ---- characters and strings ----

    /** Characters in {@code min..max}, both inclusive. */
    static Gen<Character> chars(char min, char max) {
        return ints(min, max).map(i -> (char) i.intValue());
    }

    /** One of the characters of {@code alphabet}. */
    static Gen<Character> chars(String alphabet) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("empty alphabet");
        }
        return r -> alphabet.charAt(r.nextInt(alphabet.length()));
    }

    /**
     * Any UTF-16 code unit, U+0000..U+FFFF, lone surrogates included (as a property-testing library's default strings); mostly
     * uniform, with extra weight on the characters that break text handling: controls, ASCII, CJK, surrogates and
     * the ends of the range.
     */
    static Gen<Character> anyChar() {
        return frequency(
                weighted(6, chars('\u0000', '\uFFFF')),
                weighted(2, chars(' ', '~')),
                weighted(1, chars('\u0000', '\u001F')),
                weighted(1, chars('\u4E00', '\u9FA5')),
                weighted(1, chars('\uD800', '\uDFFF')),
                weighted(1, chars("\u0000\u007F\u0080\u00FF\u200D\u3000\uFEFF\uFFFD\uFFFE\uFFFF")));
    }

    /** Strings of {@code minLength..maxLength} characters from {@code chars}. */
    static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
        Gen<Integer> lengths = sizes(minLength, maxLength);
        return r -> {
            int n = lengths.generate(r);
            StringBuilder s = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                s.append(chars.generate(r).charValue());
            }
            return s.toString();
        };
    }

    /** Strings over the characters of {@code alphabet}. */
    static Gen<String> strings(String alphabet, int minLength, int maxLength) {
        return strings(chars(alphabet), minLength, maxLength);
    }

    /** Strings of any UTF-16 code units ({@link #anyChar()}). */
    static Gen<String> anyStrings(int minLength, int maxLength) {
        return strings(anyChar(), minLength, maxLength);
    }
}
