package org.yishi.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yishi.core.elder.CategoryTag;

/**
 * What a rule asks of an elder's registry categories: one {@link CategoryMatcher} ({@code disabled:1-2}), or
 * {@link AnyOf any}, {@link AllOf all} or {@link NoneOf none} of a list of conditions. Policy files nest these
 * at most one level ({@code docs/policy-format.md}); the model itself does not limit the depth, the loader does,
 * because a deeper expression is one a finance officer can no longer review by eye.
 *
 * <p>Empty lists follow logic (all of nothing holds, any of nothing does not) so that {@link #EVERYONE} needs no
 * special case; the loader refuses empty lists in files, where one is always a slip.
 */
public sealed interface CategoryCondition permits CategoryMatcher, CategoryCondition.AnyOf, CategoryCondition.AllOf,
        CategoryCondition.NoneOf {

    /** No category requirement: holds for every elder. */
    CategoryCondition EVERYONE = new AllOf(List.of());

    /** Whether an elder with these registry categories meets the condition. */
    boolean holds(List<CategoryTag> tags);

    /**
     * The parts that must each hold: an {@link AllOf}'s parts (flattened), otherwise the condition itself. A refusal
     * counts and names failed conditions at this level, so {@code all: [a, b]} is two conditions, like two keys.
     */
    default List<CategoryCondition> conjuncts() {
        return List.of(this);
    }

    /** Every category matcher named anywhere in the condition, in file order. */
    List<CategoryMatcher> matchers();

    /** The rule written before {@code all} existed: {@code any:} and/or {@code none:} of plain matchers. */
    static CategoryCondition of(List<CategoryMatcher> any, List<CategoryMatcher> none) {
        List<CategoryCondition> parts = new ArrayList<>(2);
        if (!any.isEmpty()) {
            parts.add(new AnyOf(List.copyOf(any)));
        }
        if (!none.isEmpty()) {
            parts.add(new NoneOf(List.copyOf(none)));
        }
        return parts.isEmpty() ? EVERYONE : new AllOf(parts);
    }

    /** At least one part holds. */
    record AnyOf(List<CategoryCondition> parts) implements CategoryCondition {
        public AnyOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean holds(List<CategoryTag> tags) {
            // Index loops: this runs for every rule of every quote, and iterators would allocate.
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).holds(tags)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<CategoryMatcher> matchers() {
            return collect(parts);
        }

        @Override
        public String toString() {
            return "any " + parts;
        }
    }

    /** Every part holds. */
    record AllOf(List<CategoryCondition> parts) implements CategoryCondition {
        public AllOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean holds(List<CategoryTag> tags) {
            for (int i = 0; i < parts.size(); i++) {
                if (!parts.get(i).holds(tags)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public List<CategoryCondition> conjuncts() {
            List<CategoryCondition> out = new ArrayList<>();
            for (CategoryCondition p : parts) {
                out.addAll(p.conjuncts());
            }
            return out;
        }

        @Override
        public List<CategoryMatcher> matchers() {
            return collect(parts);
        }

        @Override
        public String toString() {
            return "all " + parts;
        }
    }

    /** No part holds. */
    record NoneOf(List<CategoryCondition> parts) implements CategoryCondition {
        public NoneOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean holds(List<CategoryTag> tags) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).holds(tags)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public List<CategoryMatcher> matchers() {
            return collect(parts);
        }

        @Override
        public String toString() {
            return "none " + parts;
        }
    }

    private static List<CategoryMatcher> collect(List<CategoryCondition> parts) {
        List<CategoryMatcher> out = new ArrayList<>();
        for (CategoryCondition p : parts) {
            out.addAll(Objects.requireNonNull(p, "part").matchers());
        }
        return out;
    }
}
