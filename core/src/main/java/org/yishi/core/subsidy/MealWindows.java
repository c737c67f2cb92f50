package org.yishi.core.subsidy;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.policy.MealSlot;
import org.yishi.core.policy.Policy;
import org.yishi.core.time.ServingWindow;

/**
 * Which serving window applies to a meal slot at a canteen. Precedence (docs/engine.md, "Meal windows"): the policy's
 * window for the slot when it names one; otherwise the canteen's own hours for that slot code (canteens.csv
 * {@code serving_hours}); otherwise none, and a purchase in that slot is refused OUTSIDE_MEAL_WINDOW. Stateless.
 */
public final class MealWindows {

    private MealWindows() {
    }

    /** The window of {@code slot} at {@code canteen}, if any applies. */
    public static Optional<ServingWindow> windowAt(MealSlot slot, Canteen canteen) {
        if (slot.window().isPresent()) {
            return slot.window();
        }
        return Optional.ofNullable(canteen.servingHours().get(slot.code()));
    }

    /**
     * The slot a till at {@code canteen} sells in at {@code time}: the first of the policy's slots (in file order) whose
     * applicable window contains it, or empty (outside every meal window).
     */
    public static Optional<MealSlot> slotAt(Policy policy, Canteen canteen, LocalTime time) {
        List<MealSlot> slots = policy.mealSlots();
        for (int i = 0; i < slots.size(); i++) {
            Optional<ServingWindow> w = windowAt(slots.get(i), canteen);
            if (w.isPresent() && w.get().contains(time)) {
                return Optional.of(slots.get(i));
            }
        }
        return Optional.empty();
    }

    /** How staff read the windows in a refusal: "(lunch 10:30-13:30, dinner no hours at C-01)". */
    static String describe(List<MealSlot> slots, Canteen canteen) {
        StringBuilder out = new StringBuilder("(");
        for (MealSlot s : slots) {
            out.append(out.length() > 1 ? ", " : "").append(s.code()).append(' ')
                    .append(windowAt(s, canteen).map(ServingWindow::toString).orElse("no hours at " + canteen.id()));
        }
        return out.append(')').toString();
    }
}
