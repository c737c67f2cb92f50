package org.yishi.config.yaml;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?" for a misspelt key, code or id: the closest known word within a couple of edits. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The closest of {@code known} to {@code word}, if it is close enough to be the intended word. */
    public static Optional<String> closest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = editDistance(word, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int tolerance = Math.max(1, Math.min(2, word.length() / 3));
        return best != null && bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    /** {@code " (did you mean cap?)"}, or "" when nothing is close. */
    public static String hint(String word, Collection<String> known) {
        return closest(word, known).map(k -> " (did you mean " + k + "?)").orElse("");
    }

    /** Levenshtein distance counting an adjacent transposition as one edit (the commonest typo). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
