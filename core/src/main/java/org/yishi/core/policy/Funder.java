package org.yishi.core.policy;

import java.util.Objects;

/** Who pays a part of a subsidy, e.g. {@code city} 市财政, {@code district} 区财政, {@code welfare_lottery} 福彩公益金. */
public record Funder(String code, String name) {
    public Funder {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
