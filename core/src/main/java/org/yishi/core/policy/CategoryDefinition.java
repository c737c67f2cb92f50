package org.yishi.core.policy;

import java.util.Objects;

/**
 * A category code in the vocabulary shared by the registry and policies ({@code docs/categories.md}).
 *
 * @param code     e.g. {@code minimum_living}
 * @param name     Chinese name, e.g. 低保
 * @param minGrade lowest grade allowed, or -1 if the category has no grade
 * @param maxGrade highest grade allowed, or -1 if the category has no grade
 */
public record CategoryDefinition(String code, String name, int minGrade, int maxGrade) {
    public CategoryDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if ((minGrade < 0) != (maxGrade < 0) || minGrade > maxGrade) {
            throw new IllegalArgumentException("category " + code + ": bad grade range " + minGrade + ".." + maxGrade);
        }
    }

    public boolean graded() {
        return minGrade >= 0;
    }
}
