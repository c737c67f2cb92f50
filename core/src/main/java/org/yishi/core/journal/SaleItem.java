package org.yishi.core.journal;

import java.util.Map;
import java.util.Set;

/**
 * One line of a sale.
 *
 * @param itemId       menu item code
 * @param name         its name as printed
 * @param quantity     how many, at least 1
 * @param unitPriceFen price of one, fen
 * @param lineTotalFen quantity × unit price, fen
 */
public record SaleItem(String itemId, String name, long quantity, long unitPriceFen, long lineTotalFen) {

    static final Set<String> FIELDS = Set.of("itemId", "name", "quantity", "unitPriceFen", "lineTotalFen");

    public SaleItem {
        Checks.text("itemId", itemId);
        Checks.text("name", name);
        Checks.positive("quantity", quantity);
        Checks.notNegative("unitPriceFen", unitPriceFen);
        if (lineTotalFen != Math.multiplyExact(quantity, unitPriceFen)) {
            throw new IllegalArgumentException("item " + itemId + ": lineTotalFen " + lineTotalFen + " is not quantity "
                    + quantity + " × unitPriceFen " + unitPriceFen);
        }
    }

    public static SaleItem of(String itemId, String name, long quantity, long unitPriceFen) {
        return new SaleItem(itemId, name, quantity, unitPriceFen, Math.multiplyExact(quantity, unitPriceFen));
    }

    Map<String, Object> toJson() {
        return PayloadFields.payload("itemId", itemId, "name", name, "quantity", quantity,
                "unitPriceFen", unitPriceFen, "lineTotalFen", lineTotalFen);
    }

    static SaleItem read(PayloadFields f) {
        return new SaleItem(f.text("itemId"), f.text("name"), f.integer("quantity"), f.integer("unitPriceFen"),
                f.integer("lineTotalFen"));
    }
}
