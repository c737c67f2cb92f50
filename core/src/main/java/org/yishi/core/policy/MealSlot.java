package org.yishi.core.policy;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import org.yishi.core.time.ServingWindow;

/**
 * A meal slot, e.g. lunch. Codes are policy data. The serving window is the policy's when it names one (Guangzhou:
 * lunch 10:30–13:30); a slot without one is served in the hours the canteen gives for that slot code
 * ({@link org.yishi.core.canteen.Canteen#servingHours()}, from the registry's canteens.csv). The policy's window, when
 * given, wins over the canteen's hours: the policy is what the subsidy is paid under
 * ({@link org.yishi.core.subsidy.MealWindows} resolves them).
 *
 * @param window the policy's serving window, or empty to use each canteen's hours
 */
public record MealSlot(String code, String name, Optional<ServingWindow> window) {
    public MealSlot {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
    }

    /** A slot with the policy's own window [start, end). */
    public MealSlot(String code, String name, LocalTime start, LocalTime end) {
        this(code, name, Optional.of(windowOf(code, start, end)));
    }

    /** A slot whose hours each canteen gives. */
    public static MealSlot atCanteenHours(String code, String name) {
        return new MealSlot(code, name, Optional.empty());
    }

    /** Whether the policy's own windows overlap (slots without a policy window never do here). */
    public boolean overlaps(MealSlot other) {
        return window.isPresent() && other.window.isPresent() && window.get().overlaps(other.window.get());
    }

    private static ServingWindow windowOf(String code, LocalTime start, LocalTime end) {
        try {
            return new ServingWindow(start, end);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("meal slot " + code + ": " + e.getMessage(), e);
        }
    }
}
