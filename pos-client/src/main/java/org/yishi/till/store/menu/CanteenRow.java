package org.yishi.till.store.menu;

import org.yishi.config.registry.ServingHours;
import org.yishi.core.canteen.Canteen;

/** A row of {@code canteen}; {@code servingHours} as canteens.csv writes it ({@code lunch=10:30-13:30;…}), null or "" for none. */
record CanteenRow(String id, String name, String district, String town, String phone, String servingHours) {

    static CanteenRow of(Canteen c) {
        return new CanteenRow(c.id(), c.name(), c.district(), c.town(), c.phone(), ServingHours.format(c.servingHours()));
    }

    Canteen toCanteen() {
        try {
            return new Canteen(id, name, district, town, phone, ServingHours.parse("serving_hours", servingHours == null ? "" : servingHours));
        } catch (RuntimeException e) {
            throw new IllegalStateException("canteen " + id + ": unreadable serving hours in the till cache: \"" + servingHours + "\"", e);
        }
    }
}
