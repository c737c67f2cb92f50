package org.yishi.till.store.registry;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.policy.CategoryDefinition;

/**
 * The category codes an import accepts (the vocabulary of docs/categories.md, or the categories of the policy in
 * force). A registry row with a code outside it is refused: a typo in a category would otherwise silently cost an
 * elder his subsidy.
 */
public final class CategoryVocabulary {

    private final Map<String, CategoryDefinition> byCode = new TreeMap<>();

    public CategoryVocabulary(Collection<CategoryDefinition> definitions) {
        for (CategoryDefinition d : definitions) {
            if (byCode.putIfAbsent(d.code(), d) != null) {
                throw new IllegalArgumentException("category " + d.code() + " defined twice in the vocabulary");
            }
        }
    }

    /** The problem with {@code tag}, if any. */
    public Optional<String> problemWith(CategoryTag tag) {
        CategoryDefinition d = byCode.get(tag.code());
        if (d == null) {
            return Optional.of("unknown category \"" + tag.code() + "\" (known: " + String.join(", ", byCode.keySet()) + ")");
        }
        if (tag.grade().isEmpty()) {
            return Optional.empty();
        }
        int grade = tag.grade().getAsInt();
        if (!d.graded()) {
            return Optional.of("category " + tag.code() + " has no grades, but the row gives grade " + grade);
        }
        if (grade < d.minGrade() || grade > d.maxGrade()) {
            return Optional.of("category " + tag.code() + " grade " + grade + " is outside " + d.minGrade() + ".." + d.maxGrade());
        }
        return Optional.empty();
    }
}
