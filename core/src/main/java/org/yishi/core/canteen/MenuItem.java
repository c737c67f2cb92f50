package org.yishi.core.canteen;

import java.util.Objects;
import java.util.Set;

/**
 * Something a canteen sells.
 *
 * @param id               stable id
 * @param name             display name (Chinese)
 * @param priceFen         price in fen, &gt;= 0
 * @param mealSlots        meal-slot codes it is offered in (policy data, e.g. lunch, dinner)
 * @param subsidyEligible  whether it counts towards the subsidised meal (a set meal does, a bottle of milk may not)
 */
public record MenuItem(String id, String name, long priceFen, Set<String> mealSlots, boolean subsidyEligible) {
    public MenuItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (priceFen < 0) {
            throw new IllegalArgumentException("menu item " + id + ": price must not be negative: " + priceFen);
        }
        mealSlots = Set.copyOf(mealSlots);
    }
}
