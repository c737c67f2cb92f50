package org.yishi.core.policy;

import java.util.Locale;

/** How the meal reaches the elder. Written {@code dine_in} / {@code delivery} in files. */
public enum Channel {
    DINE_IN, DELIVERY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromCode(String code) {
        for (Channel c : values()) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("channel must be dine_in or delivery: \"" + code + "\"");
    }
}
