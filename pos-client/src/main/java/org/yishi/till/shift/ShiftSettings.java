package org.yishi.till.shift;

import java.util.List;

/**
 * How shifts are counted.
 *
 * @param denominationsFen the notes and coins the close screen asks for, largest first (default ¥100, 50, 20, 10, 5,
 *                         1, 5 角, 1 角); a count in another denomination is refused
 */
public record ShiftSettings(List<Long> denominationsFen) {

    public ShiftSettings {
        denominationsFen = List.copyOf(denominationsFen);
        if (denominationsFen.isEmpty()) {
            throw new IllegalArgumentException("at least one denomination is needed");
        }
        for (int i = 0; i < denominationsFen.size(); i++) {
            if (denominationsFen.get(i) < 1 || i > 0 && denominationsFen.get(i) >= denominationsFen.get(i - 1)) {
                throw new IllegalArgumentException("denominations must be positive fen amounts, largest first, without "
                        + "repeats: " + denominationsFen);
            }
        }
    }

    /** Renminbi notes and coins in everyday use: ¥100, 50, 20, 10, 5, 1, 5 角, 1 角. */
    public static ShiftSettings defaults() {
        return new ShiftSettings(List.of(10_000L, 5_000L, 2_000L, 1_000L, 500L, 100L, 50L, 10L));
    }
}
