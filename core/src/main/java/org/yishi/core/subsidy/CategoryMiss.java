package org.yishi.core.subsidy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.policy.CategoryCondition;
import org.yishi.core.policy.CategoryMatcher;

/**
 * Says, for a refusal detail, why one category condition failed, naming the elder's tags the condition is about
 * ({@code needs category disabled:1-2 (has disabled:3)}): the near miss staff most often have to explain is a grade.
 * Only tags whose code the condition names are shown, never the elder's other categories.
 */
final class CategoryMiss {

    private CategoryMiss() {
    }

    static String describe(CategoryCondition failed, List<CategoryTag> tags) {
        // Java 17: no pattern switch yet, so an if-chain over the sealed type.
        String what;
        if (failed instanceof CategoryMatcher m) {
            what = "needs category " + m;
        } else if (failed instanceof CategoryCondition.AnyOf any) {
            what = "needs a category of " + sorted(any.parts());
        } else if (failed instanceof CategoryCondition.NoneOf none) {
            what = "excluded by a category of " + sorted(none.parts());
        } else {
            what = "needs all of " + sorted(((CategoryCondition.AllOf) failed).parts());
        }
        return what + has(related(failed, tags));
    }

    private static List<CategoryTag> related(CategoryCondition c, List<CategoryTag> tags) {
        Set<String> codes = new HashSet<>();
        for (CategoryMatcher m : c.matchers()) {
            codes.add(m.code());
        }
        List<CategoryTag> out = new ArrayList<>();
        for (CategoryTag t : tags) {
            if (codes.contains(t.code())) {
                out.add(t);
            }
        }
        return out;
    }

    private static String has(List<CategoryTag> tags) {
        return tags.isEmpty() ? "" : " (has " + String.join(", ", sorted(tags)) + ")";
    }

    /** Registry order and set order are not stable between runs; details must be, so they are sorted. */
    private static TreeSet<String> sorted(List<?> values) {
        TreeSet<String> out = new TreeSet<>();
        for (Object v : values) {
            out.add(v.toString());
        }
        return out;
    }
}
