package org.yishi.till.store.menu;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.yishi.core.canteen.MenuItem;

/** A row of {@code menu_item}. */
record MenuItemRow(long menuVersion, String itemId, String name, long priceFen, String mealSlots, boolean subsidyEligible) {

    static MenuItemRow of(long menuVersion, MenuItem item) {
        return new MenuItemRow(menuVersion, item.id(), item.name(), item.priceFen(),
                String.join(";", item.mealSlots().stream().sorted().toList()), item.subsidyEligible());
    }

    MenuItem toItem() {
        Set<String> slots = Arrays.stream(mealSlots.split(";")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        return new MenuItem(itemId, name, priceFen, slots, subsidyEligible);
    }
}
