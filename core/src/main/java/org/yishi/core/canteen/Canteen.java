package org.yishi.core.canteen;

import java.util.Map;
import java.util.Objects;
import org.yishi.core.time.ServingWindow;

/**
 * A canteen (settlement point).
 *
 * @param id           stable id, e.g. C-440118-01
 * @param name         display name
 * @param district     GB/T 2260 district code where it stands
 * @param town         town/street code where it stands
 * @param phone        public phone printed on receipts
 * @param servingHours its own serving hours by meal-slot code (lunch → 11:00-13:00); used for the slots whose policy
 *                     names no window ({@link org.yishi.core.subsidy.MealWindows}); empty when the registry gives none
 */
public record Canteen(String id, String name, String district, String town, String phone, Map<String, ServingWindow> servingHours) {

    /** A canteen without serving hours of its own. */
    public Canteen(String id, String name, String district, String town, String phone) {
        this(id, name, district, town, phone, Map.of());
    }

    public Canteen {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(town, "town");
        phone = phone == null ? "" : phone;
        servingHours = Map.copyOf(servingHours);
        var windows = servingHours.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
        for (int i = 0; i < windows.size(); i++) {
            for (int j = i + 1; j < windows.size(); j++) {
                if (windows.get(i).getValue().overlaps(windows.get(j).getValue())) {
                    throw new IllegalArgumentException("canteen " + id + ": " + windows.get(i).getKey() + " " + windows.get(i).getValue()
                            + " overlaps " + windows.get(j).getKey() + " " + windows.get(j).getValue());
                }
            }
        }
    }
}
