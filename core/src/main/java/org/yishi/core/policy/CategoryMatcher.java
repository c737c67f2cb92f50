package org.yishi.core.policy;

import java.util.List;
import java.util.Objects;
import org.yishi.core.elder.CategoryTag;

/**
 * A category condition in a rule: {@code low_income} (any grade or none), {@code disabled:1} (exactly grade 1),
 * {@code incapacitated:2-4} (grades 2 to 4 inclusive). The leaf of a {@link CategoryCondition}: it holds when the
 * elder has a tag it matches.
 */
public record CategoryMatcher(String code, int minGrade, int maxGrade) implements CategoryCondition {

    public static final int ANY = -1;

    public CategoryMatcher {
        Objects.requireNonNull(code, "code");
        if ((minGrade == ANY) != (maxGrade == ANY) || minGrade > maxGrade) {
            throw new IllegalArgumentException("category condition " + code + ": bad grade range " + minGrade + "-" + maxGrade);
        }
    }

    public static CategoryMatcher any(String code) {
        return new CategoryMatcher(code, ANY, ANY);
    }

    /** Parses {@code code}, {@code code:N} or {@code code:N-M}. */
    public static CategoryMatcher parse(String text) {
        String s = text.strip();
        int colon = s.indexOf(':');
        if (colon < 0) {
            return any(s);
        }
        String code = s.substring(0, colon);
        String range = s.substring(colon + 1);
        try {
            int dash = range.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int hi = dash < 0 ? lo : Integer.parseInt(range.substring(dash + 1));
            return new CategoryMatcher(code, lo, hi);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("category condition must be code, code:N or code:N-M: \"" + text + "\"");
        }
    }

    @Override
    public boolean holds(List<CategoryTag> tags) {
        for (int i = 0; i < tags.size(); i++) {
            if (matches(tags.get(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<CategoryMatcher> matchers() {
        return List.of(this);
    }

    public boolean matches(CategoryTag tag) {
        if (!tag.code().equals(code)) {
            return false;
        }
        if (minGrade == ANY) {
            return true;
        }
        return tag.grade().isPresent() && tag.grade().getAsInt() >= minGrade && tag.grade().getAsInt() <= maxGrade;
    }

    @Override
    public String toString() {
        if (minGrade == ANY) {
            return code;
        }
        return minGrade == maxGrade ? code + ":" + minGrade : code + ":" + minGrade + "-" + maxGrade;
    }
}
