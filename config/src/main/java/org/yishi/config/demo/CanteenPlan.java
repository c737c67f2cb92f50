package org.yishi.config.demo;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yishi.config.registry.MenuRecord;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.canteen.MenuItem;
import org.yishi.core.time.ServingWindow;

/**
 * The demo city's 20 canteen settlement points (Guilin's plan names 20) and their menus. Zengcheng gets
 * several so that its locality rules (home town / home district) show up in simulations.
 */
final class CanteenPlan {

    private final List<Canteen> canteens = new ArrayList<>();
    private final List<MenuRecord> menu = new ArrayList<>();

    CanteenPlan(List<Town> towns) {
        Map<String, Town> byTown = new LinkedHashMap<>();
        towns.forEach(t -> byTown.put(t.townCode(), t));
        List<String> chosen = List.of(
                "440118001", "440118002", "440118101", "440118102", // Zengcheng: 4
                "440103004", "440104003", "440105002", "440106003", "440106004",
                "440111001", "440111101", "440112003", "440113001", "440113003",
                "440114001", "440115001", "440117001", "440104001", "440105004", "440111003");
        int n = 1;
        for (String code : chosen) {
            Town t = byTown.get(code);
            if (t == null) {
                throw new IllegalStateException("demo canteen town " + code + " is not in the town list");
            }
            String id = String.format("C%02d", n);
            String name = t.townName().replace("街道", "街").replace("镇", "镇") + "长者饭堂";
            canteens.add(new Canteen(id, name, t.districtCode(), t.townCode(), String.format("020-8%07d", 1_000_000 + n * 7919),
                    servingHours(n)));
            addMenu(id);
            n++;
        }
    }

    /**
     * The canteen's own serving hours (canteens.csv serving_hours), used for slots a policy names no window for. Every
     * fifth canteen also serves breakfast; the odd ones open lunch half an hour earlier.
     */
    private static Map<String, ServingWindow> servingHours(int n) {
        Map<String, ServingWindow> hours = new LinkedHashMap<>();
        if (n % 5 == 0) {
            hours.put("breakfast", new ServingWindow(LocalTime.of(7, 0), LocalTime.of(9, 0)));
        }
        hours.put("lunch", n % 2 == 1 ? new ServingWindow(LocalTime.of(10, 30), LocalTime.of(13, 30))
                : new ServingWindow(LocalTime.of(11, 0), LocalTime.of(13, 30)));
        hours.put("dinner", new ServingWindow(LocalTime.of(16, 30), LocalTime.of(19, 0)));
        return hours;
    }

    private void addMenu(String canteenId) {
        menu.add(new MenuRecord(canteenId, new MenuItem(canteenId + "-L1", "午餐套餐A（两荤一素）", 1200, Set.of("lunch"), true)));
        menu.add(new MenuRecord(canteenId, new MenuItem(canteenId + "-L2", "午餐套餐B（一荤两素）", 1000, Set.of("lunch"), true)));
        menu.add(new MenuRecord(canteenId, new MenuItem(canteenId + "-L3", "营养软食套餐", 1500, Set.of("lunch", "dinner"), true)));
        menu.add(new MenuRecord(canteenId, new MenuItem(canteenId + "-D1", "晚餐套餐（一荤一素一汤）", 1000, Set.of("dinner"), true)));
        menu.add(new MenuRecord(canteenId, new MenuItem(canteenId + "-S1", "例汤", 300, Set.of("lunch", "dinner"), false)));
        menu.add(new MenuRecord(canteenId, new MenuItem(canteenId + "-S2", "纯牛奶", 400, Set.of("lunch", "dinner"), false)));
    }

    List<Canteen> canteens() {
        return canteens;
    }

    List<MenuRecord> menu() {
        return menu;
    }
}
