package org.yishi.till.store.menu;

import org.yishi.core.canteen.Canteen;

/** A row of {@code canteen}. */
record CanteenRow(String id, String name, String district, String town, String phone) {
    Canteen toCanteen() {
        return new Canteen(id, name, district, town, phone);
    }
}
