package org.yishi.config.registry;

import java.util.Objects;
import org.yishi.core.canteen.MenuItem;

/** A row of menu.csv: one item on one canteen's menu. */
public record MenuRecord(String canteenId, MenuItem item) {
    public MenuRecord {
        Objects.requireNonNull(canteenId, "canteenId");
        Objects.requireNonNull(item, "item");
    }
}
