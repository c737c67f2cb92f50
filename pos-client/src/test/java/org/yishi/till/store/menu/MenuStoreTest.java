package org.yishi.till.store.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.canteen.MenuItem;
import org.yishi.till.store.TillDatabase;
import org.yishi.till.store.registry.ImportReport;
import org.yishi.till.store.registry.RowRejection;

class MenuStoreTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T01:00:00Z"), ZoneOffset.UTC);
    static final Canteen CANTEEN = new Canteen("C-440118-01", "荔城街长者饭堂", "440118", "440118001", "020-12345678");

    @TempDir
    Path dir;

    /** Issue 11 item 3: a canteen's own serving hours (V9 column) survive the store; a canteen without them has none. */
    @Test
    void servingHoursAreStored() {
        Canteen withHours = new Canteen("C-440118-02", "新塘镇长者饭堂", "440118", "440118101", "", java.util.Map.of(
                "lunch", new org.yishi.core.time.ServingWindow(java.time.LocalTime.of(10, 30), java.time.LocalTime.of(13, 30)),
                "dinner", new org.yishi.core.time.ServingWindow(java.time.LocalTime.of(16, 30), java.time.LocalTime.of(19, 0))));
        try (TillDatabase db = TillDatabase.open(dir)) {
            MenuStore store = new MenuStore(db, CLOCK);
            store.upsertCanteens(List.of(CANTEEN, withHours));
            assertThat(store.findCanteen(withHours.id())).contains(withHours);
            assertThat(store.findCanteen(CANTEEN.id()).orElseThrow().servingHours()).isEmpty();
        }
    }

    @Test
    void aNewMenuIsANewVersionAndOldVersionsStayReadable() {
        try (TillDatabase db = TillDatabase.open(dir)) {
            MenuStore store = new MenuStore(db, CLOCK);
            store.upsertCanteens(List.of(CANTEEN));
            MenuItem set12 = new MenuItem("set-12", "12元套餐", 1200, Set.of("lunch", "dinner"), true);
            MenuItem milk = new MenuItem("milk", "牛奶", 350, Set.of("lunch"), false);
            MenuVersion v1 = store.installMenu(CANTEEN.id(), "menu.csv", List.of(set12, milk));
            MenuVersion same = store.installMenu(CANTEEN.id(), "menu-again.csv", List.of(milk, set12));
            MenuItem set13 = new MenuItem("set-12", "12元套餐", 1300, Set.of("lunch", "dinner"), true);
            MenuVersion v2 = store.installMenu(CANTEEN.id(), "menu-2.csv", List.of(set13));

            assertThat(same.version()).isEqualTo(v1.version());
            assertThat(v2.version()).isGreaterThan(v1.version());
            assertThat(store.currentMenu(CANTEEN.id()).orElseThrow().items()).containsExactly(set13);
            assertThat(store.menuVersion(v1.version()).orElseThrow().items()).containsExactlyInAnyOrder(set12, milk);
            assertThat(store.versionsOf(CANTEEN.id())).extracting(MenuVersion::source).containsExactly("menu.csv", "menu-2.csv");
            assertThat(store.findCanteen(CANTEEN.id())).contains(CANTEEN);
            assertThat(store.currentMenu("C-nowhere")).isEmpty();
        }
    }

    @Test
    void refusesAMenuOfAnUnknownCanteenOrWithARepeatedItem() {
        try (TillDatabase db = TillDatabase.open(dir)) {
            MenuStore store = new MenuStore(db, CLOCK);
            MenuItem a = new MenuItem("a", "A", 100, Set.of("lunch"), true);
            assertThatThrownBy(() -> store.installMenu("C-x", "menu.csv", List.of(a))).hasMessageContaining("canteen C-x is unknown");
            store.upsertCanteens(List.of(CANTEEN));
            assertThatThrownBy(() -> store.installMenu(CANTEEN.id(), "menu.csv", List.of(a, a))).hasMessageContaining("item a appears twice");
        }
    }

    @Test
    void importsCanteensAndMenuCsvNamingTheLinesItRefuses() throws Exception {
        Files.writeString(dir.resolve("canteens.csv"), String.join("\n",
                "canteen_id,name,district,town,phone",
                "C-440118-01,荔城街长者饭堂,440118,440118001,020-12345678",
                "C-bad,某饭堂,4401,440118001,",
                ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("menu.csv"), String.join("\n",
                "canteen_id,item_id,name,price_fen,meal_slots,subsidy_eligible",
                "C-440118-01,set-12,12元套餐,1200,lunch;dinner,true",
                "C-440118-01,milk,牛奶,-350,lunch,false",
                "C-440118-01,set-12,又一个套餐,1500,lunch,true",
                "C-bad,x,某菜,100,lunch,true",
                "C-440118-01,soup,汤,300,lunch,false",
                ""), StandardCharsets.UTF_8);
        try (TillDatabase db = TillDatabase.open(dir.resolve("db"))) {
            MenuStore store = new MenuStore(db, CLOCK);
            ImportReport canteens = store.importCanteens(dir.resolve("canteens.csv"));
            assertThat(canteens.accepted()).isEqualTo(1);
            assertThat(canteens.rejections()).extracting(RowRejection::line).containsExactly(3L);
            assertThat(canteens.rejections().get(0).problem()).contains("[district]");

            ImportReport menu = store.importMenu(dir.resolve("menu.csv"));
            assertThat(menu.accepted()).isEqualTo(2);
            assertThat(menu.rejections()).extracting(RowRejection::line).containsExactly(3L, 4L, 5L);
            assertThat(menu.rejections().get(0).problem()).contains("[price_fen]");
            assertThat(menu.rejections().get(1).problem()).contains("set-12 appears twice");
            assertThat(menu.rejections().get(2).problem()).contains("canteen C-bad is unknown");
            assertThat(store.currentMenu("C-440118-01").orElseThrow().items()).extracting(MenuItem::id).containsExactly("set-12", "soup");
        }
    }
}
