package org.yishi.till.store.registry;

import org.yishi.config.category.CategoryVocabulary;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.config.demo.DemoDataGenerator;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.ElderState;
import org.yishi.core.elder.RegistryMode;
import org.yishi.core.elder.ResidentId;
import org.yishi.till.store.TillDatabase;

class RegistryCsvImporterTest {

    /** The shared standard vocabulary (docs/categories.md), which the demo data uses. */
    static final CategoryVocabulary DEMO_VOCABULARY = CategoryVocabulary.standard();

    @TempDir
    Path dir;

    static String id(LocalDate birth, int sequence) {
        return ResidentId.of("440118", birth, sequence).fullNumber();
    }

    @Test
    void importsGoodRowsAndNamesTheLineOfEveryBadOne() throws Exception {
        LocalDate b1 = LocalDate.of(1940, 3, 1);
        LocalDate b2 = LocalDate.of(1942, 1, 1);
        String elders = String.join("\n",
                "elder_id,name,resident_id,gender,birth_date,categories,registered_district,registered_town,phone,status,status_since",
                "E1,张三," + id(b1, 11) + ",male,1940-03-01,minimum_living;disabled:2,440118,440118001,13800001234,active,",
                "E2,李四," + id(b2, 12) + ",female,1942-01-01,minimum_livng,440118,440118001,,active,",       // line 3
                "E3,王五,440118194001010000,male,1940-01-01,,440118,440118001,,active,",                        // line 4
                "E4,\"赵\n六\"," + id(b2, 13) + ",male,1942-01-01,,440118,440118002,,deceased,2026-05-01",   // lines 5-6
                "E5,钱七," + id(b1, 15) + ",male,1940-03-01,disabled:9,440118,440118001,,active,",            // line 7
                "E6,孙八," + id(b1, 17) + ",male,1940-03-01,living_alone,440118,440118001,020-1234,active,",  // line 8
                "");
        String cards = String.join("\n",
                "card_uid,elder_id,status,since",
                "04a1b2c3,E1,active,2026-03-01T09:00+08:00",
                "04-A1-B2,E1,active,2026-03-01T09:00+08:00",   // line 3: malformed UID
                "04A1B2C4,E2,active,2026-03-01T09:00+08:00",   // line 4: E2 was refused
                "04A1B2C5,E4,lost,2026-04-01T09:00+08:00",
                "");
        Files.writeString(dir.resolve("elders.csv"), elders, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("cards.csv"), cards, StandardCharsets.UTF_8);

        try (TillDatabase db = TillDatabase.open(dir.resolve("db"))) {
            RegistryCache cache = new RegistryCache(db);
            RegistryCsvImporter importer = new RegistryCsvImporter(cache);

            ImportReport e = importer.importElders(dir.resolve("elders.csv"), DEMO_VOCABULARY, RegistryMode.DELTA);
            assertThat(e.accepted()).isEqualTo(2);
            assertThat(e.rejections()).extracting(RowRejection::line).containsExactly(3L, 4L, 7L, 8L);
            assertThat(e.rejections().get(0).problem()).contains("unknown category \"minimum_livng\"");
            assertThat(e.rejections().get(1).problem()).contains("[resident_id]");
            assertThat(e.rejections().get(2).problem()).contains("disabled").contains("grade must be 1-4");
            assertThat(e.rejections().get(3).problem()).contains("[phone]");

            ImportReport c = importer.importCards(dir.resolve("cards.csv"), RegistryMode.DELTA);
            assertThat(c.accepted()).isEqualTo(2);
            assertThat(c.rejections()).extracting(RowRejection::line).containsExactly(3L, 4L);
            assertThat(c.rejections().get(0).problem()).contains("[card_uid]");
            assertThat(c.rejections().get(1).problem()).contains("elder E2 is not in the registry");

            IdentifiedElder zhang = cache.findElderByCardUid("04A1B2C3").orElseThrow();
            assertThat(zhang.elder().idLast4()).isEqualTo(id(b1, 11).substring(14));
            assertThat(zhang.elder().phoneLast4()).isEqualTo("1234");
            IdentifiedElder zhao = cache.findElderByCardUid("04A1B2C5").orElseThrow();
            assertThat(zhao.elder().name()).isEqualTo("赵\n六");
            assertThat(zhao.elder().stateOn(LocalDate.of(2026, 6, 1))).isEqualTo(ElderState.DECEASED);
            assertThat(zhao.card().status()).isEqualTo(CardStatus.LOST);
        }
    }

    @Test
    void theTillKeepsNoFullResidentIdNumber() throws Exception {
        LocalDate b1 = LocalDate.of(1940, 3, 1);
        String full = id(b1, 11);
        Files.writeString(dir.resolve("elders.csv"), String.join("\n",
                "elder_id,name,resident_id,gender,birth_date,categories,registered_district,registered_town,phone,status,status_since",
                "E1,张三," + full + ",male,1940-03-01,,440118,440118001,13800001234,active,", ""), StandardCharsets.UTF_8);
        try (TillDatabase db = TillDatabase.open(dir.resolve("db"))) {
            new RegistryCsvImporter(new RegistryCache(db)).importElders(dir.resolve("elders.csv"), DEMO_VOCABULARY, RegistryMode.FULL);
        }
        // Nothing in the database file holds the number or its first 14 characters (H2 stores strings as UTF-8).
        byte[] file = Files.readAllBytes(dir.resolve("db").resolve("till.mv.db"));
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain(full.substring(0, 14)).doesNotContain("13800001234");
    }

    @Test
    void importsTheDemoRegistryCompletely() {
        DemoDataGenerator.Summary summary = new DemoDataGenerator().generate(DemoDataGenerator.Options.of(500, 7), dir);
        try (TillDatabase db = TillDatabase.open(dir.resolve("db"))) {
            RegistryCache cache = new RegistryCache(db);
            RegistryCsvImporter importer = new RegistryCsvImporter(cache);
            RegistryCsvImporter.Result result = importer.importRegistry(RegistryExport.in(dir), DEMO_VOCABULARY);
            ImportReport e = result.elders();
            ImportReport c = result.cards();
            assertThat(e.rejections()).isEmpty();
            assertThat(c.rejections()).isEmpty();
            assertThat(e.registry()).get().isEqualTo(new RegistryEffect(RegistryMode.FULL, 0, 0, 0));
            assertThat(cache.elderCount()).isEqualTo(summary.elders());
            assertThat(cache.cardCount()).isEqualTo(summary.cards());
            assertThat(cache.imported()).isTrue();
            // still usable after the compaction that ends a registry import
            assertThat(cache.findElder("E00000001")).isPresent();
        }
    }
}
