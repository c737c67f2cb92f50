package org.yishi.till.store.registry;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.policy.CategoryDefinition;

/**
 * The category codes an import accepts. A registry row with a code outside it is refused: a typo in a category would
 * otherwise silently cost an elder his subsidy. The rules (unknown code with a suggestion, grade ranges) are those of
 * the shared {@link org.yishi.config.category.CategoryVocabulary}; this class only adapts it for the registry cache.
 * Prefer {@link #of(org.yishi.config.category.CategoryVocabulary)} with {@code CategoryVocabulary.standard()}.
 */
public final class CategoryVocabulary {

    private final org.yishi.config.category.CategoryVocabulary rules;

    private CategoryVocabulary(org.yishi.config.category.CategoryVocabulary rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Exactly these definitions. */
    public CategoryVocabulary(Collection<CategoryDefinition> definitions) {
        this(org.yishi.config.category.CategoryVocabulary.of(List.copyOf(definitions)));
    }

    /** The shared vocabulary, e.g. {@code org.yishi.config.category.CategoryVocabulary.standard()}. */
    public static CategoryVocabulary of(org.yishi.config.category.CategoryVocabulary vocabulary) {
        return new CategoryVocabulary(vocabulary);
    }

    /** The problem with {@code tag}, if any. */
    public Optional<String> problemWith(CategoryTag tag) {
        return rules.check(tag);
    }
}
