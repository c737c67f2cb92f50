package org.yishi.core.canteen;

import java.util.Objects;

/**
 * A canteen (settlement point).
 *
 * @param id       stable id, e.g. C-440118-01
 * @param name     display name
 * @param district GB/T 2260 district code where it stands
 * @param town     town/street code where it stands
 * @param phone    public phone printed on receipts
 */
public record Canteen(String id, String name, String district, String town, String phone) {
    public Canteen {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(town, "town");
        phone = phone == null ? "" : phone;
    }
}
