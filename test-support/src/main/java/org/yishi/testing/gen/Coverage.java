package org.yishi.testing.gen;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts labels over the tries of a property (what a property-testing library's statistics collect), so that the property can assert
 * at the end — in an {@code @AfterAll} — that its generators reached every case it is about: a property that stops
 * generating scans, say, would otherwise keep passing while testing much less.
 *
 * <pre>
 *   static final Coverage OUTCOMES = new Coverage("outcomes");
 *   ... OUTCOMES.count("Scan"); ...
 *   &#64;AfterAll static void reached() { OUTCOMES.assertEachAtLeast(10, "Scan", "Rejected", "PassThrough"); }
 * </pre>
 *
 * Nothing is asserted when only one seed was run ({@code -Dyishi.seed}) or no try was noted ({@link #tried()}).
 */
public final class Coverage {

    private final String name;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong tries = new AtomicLong();

    public Coverage(String name) {
        this.name = name;
    }

    /** Notes one try. */
    public void tried() {
        tries.incrementAndGet();
    }

    /** Counts {@code label} once. */
    public void count(String label) {
        counts.computeIfAbsent(label, k -> new AtomicLong()).incrementAndGet();
    }

    /** How often {@code label} was counted. */
    public long seen(String label) {
        AtomicLong n = counts.get(label);
        return n == null ? 0 : n.get();
    }

    /** The counts so far, by label. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /**
     * Asserts that each label was counted at least {@code min} times; prints the counts either way.
     *
     * @throws AssertionError naming the labels seen too rarely, with all counts
     */
    public void assertEachAtLeast(long min, String... labels) {
        String report = "coverage " + name + " over " + tries.get() + " tries: " + counts();
        System.out.println(report);
        if (Seeds.reproducing().isPresent() || tries.get() == 0) {
            return; // one seed, or the property was not run at all (-Dtest picked another method): nothing to judge
        }
        StringBuilder rare = new StringBuilder();
        for (String label : labels) {
            long n = seen(label);
            if (n < min) {
                rare.append(rare.length() == 0 ? "" : ", ").append(label).append(" (").append(n).append(')');
            }
        }
        if (rare.length() > 0) {
            throw new AssertionError(report + ": expected each of the labels at least " + min + " times, too rare: " + rare);
        }
    }
}
