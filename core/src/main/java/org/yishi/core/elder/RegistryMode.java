package org.yishi.core.elder;

import java.util.Locale;

/**
 * How a registry export applies to a till's cache (docs/registry-csv.md, {@code manifest.csv}).
 */
public enum RegistryMode {
    /**
     * The export is the whole registry: it replaces the cache, so an elder or card it does not list is no longer
     * served. The default for an export without a manifest, because that is what every export was before the
     * manifest existed, and because guessing "full" can only stop cards, never keep a withdrawn one working.
     */
    FULL,
    /** The export lists changes only: its rows are upserted, everything else stays as it was. */
    DELTA;

    /** The code in manifest.csv and in a REGISTRY_UPDATE record: {@code full}, {@code delta}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode of a code.
     *
     * @throws IllegalArgumentException for anything but {@code full} or {@code delta}
     */
    public static RegistryMode fromCode(String code) {
        for (RegistryMode m : values()) {
            if (m.code().equals(code)) {
                return m;
            }
        }
        throw new IllegalArgumentException("registry mode must be full or delta, found \"" + code + "\"");
    }
}
