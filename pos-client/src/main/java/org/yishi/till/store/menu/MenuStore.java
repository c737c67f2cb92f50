package org.yishi.till.store.menu;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.yishi.config.registry.MenuRecord;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.canteen.MenuItem;
import org.yishi.till.store.TillDatabase;
import org.yishi.till.store.registry.ImportReport;
import org.yishi.till.store.registry.RowRejection;

/**
 * Canteens and their versioned menus. A menu is never edited in place: installing a menu makes a new version
 * (unless it equals the current one), and older versions stay readable for audits and reprints.
 */
public final class MenuStore {

    private final TillDatabase db;
    private final Clock clock;

    public MenuStore(TillDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.addMapper(MenuMapper.class);
    }

    public void upsertCanteens(Collection<Canteen> canteens) {
        try (SqlSession s = db.sessions().openSession()) {
            MenuMapper m = s.getMapper(MenuMapper.class);
            canteens.forEach(c -> m.upsertCanteen(CanteenRow.of(c)));
            s.commit();
        }
    }

    public Optional<Canteen> findCanteen(String canteenId) {
        try (SqlSession s = db.sessions().openSession()) {
            return Optional.ofNullable(s.getMapper(MenuMapper.class).findCanteen(canteenId)).map(CanteenRow::toCanteen);
        }
    }

    public List<Canteen> canteens() {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(MenuMapper.class).canteens().stream().map(CanteenRow::toCanteen).toList();
        }
    }

    /**
     * Installs a canteen's menu as a new version, or returns the current version if it has exactly these items.
     *
     * @throws IllegalArgumentException if the canteen is unknown or an item id appears twice
     */
    public MenuVersion installMenu(String canteenId, String source, Collection<MenuItem> items) {
        Set<String> ids = new HashSet<>();
        for (MenuItem item : items) {
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("menu of " + canteenId + " from " + source + ": item " + item.id() + " appears twice");
            }
        }
        try (SqlSession s = db.sessions().openSession()) {
            MenuMapper m = s.getMapper(MenuMapper.class);
            if (m.findCanteen(canteenId) == null) {
                throw new IllegalArgumentException("menu from " + source + ": canteen " + canteenId + " is unknown (import canteens.csv first)");
            }
            Optional<MenuVersion> current = load(m, m.currentVersion(canteenId));
            if (current.isPresent() && sameItems(current.get().items(), items)) {
                return current.get();
            }
            MenuVersionHolder holder = new MenuVersionHolder(canteenId, source, clock.instant().atOffset(ZoneOffset.UTC));
            m.insertVersion(holder);
            for (MenuItem item : items) {
                m.insertItem(MenuItemRow.of(holder.getMenuVersion(), item));
            }
            s.commit();
            return load(m, m.version(holder.getMenuVersion())).orElseThrow();
        }
    }

    /** The canteen's latest menu. */
    public Optional<MenuVersion> currentMenu(String canteenId) {
        try (SqlSession s = db.sessions().openSession()) {
            MenuMapper m = s.getMapper(MenuMapper.class);
            return load(m, m.currentVersion(canteenId));
        }
    }

    public Optional<MenuVersion> menuVersion(long version) {
        try (SqlSession s = db.sessions().openSession()) {
            MenuMapper m = s.getMapper(MenuMapper.class);
            return load(m, m.version(version));
        }
    }

    /** Every menu the canteen has had on this till, oldest first. */
    public List<MenuVersion> versionsOf(String canteenId) {
        try (SqlSession s = db.sessions().openSession()) {
            MenuMapper m = s.getMapper(MenuMapper.class);
            return m.versionsOf(canteenId).stream().map(r -> load(m, r).orElseThrow()).toList();
        }
    }

    /** Imports canteens.csv (upsert); refused rows are reported with their line. */
    public ImportReport importCanteens(Path canteensCsv) {
        long start = System.nanoTime();
        List<Canteen> good = new ArrayList<>();
        List<RowRejection> bad = new ArrayList<>();
        RegistryFormat.CANTEENS.read(canteensCsv, (c, line) -> good.add(c),
                e -> bad.add(new RowRejection(e.line(), describe(e.column(), e.message()))));
        upsertCanteens(good);
        return new ImportReport("canteens", canteensCsv.getFileName().toString(), good.size(), bad.size(), bad,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Imports menu.csv: one new menu version per canteen whose items changed. A row of an unknown canteen, or repeating
     * an item id of its canteen, is refused with its line; the other rows make up the menus.
     */
    public ImportReport importMenu(Path menuCsv) {
        long start = System.nanoTime();
        String source = menuCsv.getFileName().toString();
        Map<String, Map<String, MenuItem>> byCanteen = new LinkedHashMap<>();
        List<RowRejection> bad = new ArrayList<>();
        Set<String> known = new HashSet<>(canteens().stream().map(Canteen::id).toList());
        RegistryFormat.MENU.read(menuCsv, (MenuRecord r, long line) -> {
            if (!known.contains(r.canteenId())) {
                bad.add(new RowRejection(line, "[canteen_id] canteen " + r.canteenId() + " is unknown (import canteens.csv first)"));
                return;
            }
            Map<String, MenuItem> items = byCanteen.computeIfAbsent(r.canteenId(), k -> new LinkedHashMap<>());
            if (items.putIfAbsent(r.item().id(), r.item()) != null) {
                bad.add(new RowRejection(line, "[item_id] item " + r.item().id() + " appears twice in the menu of " + r.canteenId()));
            }
        }, e -> bad.add(new RowRejection(e.line(), describe(e.column(), e.message()))));
        long accepted = 0;
        for (Map.Entry<String, Map<String, MenuItem>> menu : byCanteen.entrySet()) {
            installMenu(menu.getKey(), source, menu.getValue().values());
            accepted += menu.getValue().size();
        }
        bad.sort(Comparator.comparingLong(RowRejection::line));
        return new ImportReport("menu", source, accepted, bad.size(), bad, Duration.ofNanos(System.nanoTime() - start));
    }

    private static Optional<MenuVersion> load(MenuMapper m, MenuVersionRow row) {
        if (row == null) {
            return Optional.empty();
        }
        List<MenuItem> items = m.items(row.menuVersion()).stream().map(MenuItemRow::toItem).toList();
        return Optional.of(new MenuVersion(row.menuVersion(), row.canteenId(), row.source(), row.installedAt().toInstant(), items));
    }

    private static boolean sameItems(List<MenuItem> current, Collection<MenuItem> proposed) {
        return current.size() == proposed.size() && new HashSet<>(current).equals(new HashSet<>(proposed));
    }

    private static String describe(String column, String message) {
        return column.isEmpty() ? message : "[" + column + "] " + message;
    }
}
