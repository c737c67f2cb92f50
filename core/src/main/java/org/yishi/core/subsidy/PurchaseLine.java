package org.yishi.core.subsidy;

import java.util.Objects;

/** One line of a purchase: an item, its unit price and quantity. */
public record PurchaseLine(String itemId, String name, long unitPriceFen, int quantity, boolean subsidyEligible) {
    public PurchaseLine {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(name, "name");
        if (unitPriceFen < 0) {
            throw new IllegalArgumentException("item " + itemId + ": price must not be negative: " + unitPriceFen);
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("item " + itemId + ": quantity must be at least 1: " + quantity);
        }
    }

    public long totalFen() {
        return Math.multiplyExact(unitPriceFen, (long) quantity);
    }
}
