package org.yishi.till.store.menu;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.yishi.core.canteen.MenuItem;

/**
 * One installed menu of a canteen. Menus are never edited in place: a new menu is a new version.
 *
 * @param version     ascending number, unique across canteens
 * @param canteenId   the canteen
 * @param source      where it came from (file name)
 * @param installedAt when the till installed it
 * @param items       its items, by item id
 */
public record MenuVersion(long version, String canteenId, String source, Instant installedAt, List<MenuItem> items) {
    public MenuVersion {
        Objects.requireNonNull(canteenId, "canteenId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(installedAt, "installedAt");
        items = List.copyOf(items);
    }
}
