package org.yishi.till.store.registry;

import org.yishi.config.category.CategoryVocabulary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.session.ExecutorType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.Elder;
import org.yishi.core.elder.ElderState;
import org.yishi.core.elder.RegistryMode;
import org.yishi.core.elder.StatusChange;
import org.yishi.core.policy.CategoryDefinition;
import org.yishi.till.store.TillDatabase;

class RegistryCacheTest {

    static final CategoryVocabulary VOCABULARY = CategoryVocabulary.of(List.of(
            new CategoryDefinition("minimum_living", "低保", -1, -1),
            new CategoryDefinition("extreme_poverty", "特困", -1, -1),
            new CategoryDefinition("disabled", "残疾", 1, 4)));

    @TempDir
    Path dir;
    TillDatabase db;
    RegistryCache cache;

    @BeforeEach
    void open() {
        db = TillDatabase.open(dir);
        cache = new RegistryCache(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Elder elder(String id, String name, String idLast4, String phoneLast4, CategoryTag... tags) {
        return new Elder(id, name, LocalDate.of(1940, 3, 1), List.of(tags), "440118", "440118001", List.of(), idLast4, phoneLast4);
    }

    @Test
    void importsEldersAndCardsAndFindsAnElderByCardUid() {
        Elder zhang = new Elder("E1", "张小华", LocalDate.of(1938, 5, 6),
                List.of(CategoryTag.of("minimum_living"), CategoryTag.of("disabled", 2)), "440118", "440118001",
                List.of(new StatusChange(ElderState.SUSPENDED, LocalDate.of(2024, 1, 1)),
                        new StatusChange(ElderState.ACTIVE, LocalDate.of(2024, 2, 1))),
                "123X", "5678");
        try (RegistryImport<Elder> imp = cache.importElders("elders.csv", VOCABULARY, RegistryMode.DELTA)) {
            imp.accept(2, zhang);
            imp.accept(3, elder("E2", "李四", "0001", ""));
            assertThat(imp.finish().accepted()).isEqualTo(2);
        }
        Card card = new Card("04A1B2C3D4E5F6", "E1", CardStatus.ACTIVE, Instant.parse("2024-03-01T02:00:00Z"));
        try (RegistryImport<Card> imp = cache.importCards("cards.csv", RegistryMode.DELTA)) {
            imp.accept(2, card);
            assertThat(imp.finish().accepted()).isEqualTo(1);
        }

        IdentifiedElder found = cache.findElderByCardUid("04a1 b2c3 d4e5 f6").orElseThrow();
        assertThat(found.elder()).isEqualTo(zhang);
        assertThat(found.card()).isEqualTo(card);
        assertThat(cache.findElderByCardUid("FFFFFFFF")).isEmpty();
        assertThat(cache.cardsOf("E1")).containsExactly(card);
        assertThat(cache.cardsOf("E2")).isEmpty();
        assertThat(cache.elderCount()).isEqualTo(2);
        assertThat(cache.cardCount()).isEqualTo(1);
        assertThat(cache.imported()).isTrue();
    }

    /** Issue 11 item 2: where an elder lives (V9 columns) survives the cache, by card and by id; none means where registered. */
    @Test
    void residenceIsCachedAndAnElderWithoutOneLivesWhereHeIsRegistered() {
        Elder away = new Elder("E1", "张小华", LocalDate.of(1938, 5, 6), List.of(), "440118", "440118001", List.of(), "123X", "5678",
                "440304", "440304001");
        try (RegistryImport<Elder> imp = cache.importElders("elders.csv", VOCABULARY, RegistryMode.DELTA)) {
            imp.accept(2, away);
            imp.accept(3, elder("E2", "李四", "0001", ""));
            assertThat(imp.finish().accepted()).isEqualTo(2);
        }
        try (RegistryImport<Card> imp = cache.importCards("cards.csv", RegistryMode.DELTA)) {
            imp.accept(2, new Card("AABBCCDD", "E1", CardStatus.ACTIVE, Instant.parse("2024-01-01T00:00:00Z")));
            imp.finish();
        }
        assertThat(cache.findElder("E1")).contains(away);
        assertThat(cache.findElderByCardUid("AABBCCDD").orElseThrow().elder()).isEqualTo(away);
        Elder home = cache.findElder("E2").orElseThrow();
        assertThat(home.residentDistrict()).isEqualTo("440118");
        assertThat(home.residentTown()).isEqualTo("440118001");
        assertThat(home.livesAway()).isFalse();

        // The elder moves back: a row without residence clears it.
        try (RegistryImport<Elder> imp = cache.importElders("elders-2.csv", VOCABULARY, RegistryMode.DELTA)) {
            imp.accept(2, new Elder("E1", "张小华", LocalDate.of(1938, 5, 6), List.of(), "440118", "440118001", List.of(), "123X", "5678"));
            imp.finish();
        }
        assertThat(cache.findElder("E1").orElseThrow().livesAway()).isFalse();
    }

    @Test
    void aReImportUpdatesRowsInsteadOfDuplicatingThem() {
        try (RegistryImport<Elder> imp = cache.importElders("elders.csv", VOCABULARY, RegistryMode.DELTA)) {
            imp.accept(2, elder("E1", "张三", "1111", ""));
            imp.finish();
        }
        try (RegistryImport<Card> imp = cache.importCards("cards.csv", RegistryMode.DELTA)) {
            imp.accept(2, new Card("AABBCCDD", "E1", CardStatus.ACTIVE, Instant.parse("2024-01-01T00:00:00Z")));
            imp.finish();
        }
        try (RegistryImport<Elder> imp = cache.importElders("elders-2.csv", VOCABULARY, RegistryMode.DELTA)) {
            imp.accept(2, elder("E1", "张三", "1111", "", CategoryTag.of("extreme_poverty")));
            imp.finish();
        }
        try (RegistryImport<Card> imp = cache.importCards("cards-2.csv", RegistryMode.DELTA)) {
            imp.accept(2, new Card("AABBCCDD", "E1", CardStatus.LOST, Instant.parse("2024-06-01T00:00:00Z")));
            imp.finish();
        }
        assertThat(cache.elderCount()).isEqualTo(1);
        assertThat(cache.findElder("E1").orElseThrow().categories()).containsExactly(CategoryTag.of("extreme_poverty"));
        assertThat(cache.findElderByCardUid("AABBCCDD").orElseThrow().card().status()).isEqualTo(CardStatus.LOST);
    }

    @Test
    void rejectsBadRowsWithTheirLineAndKeepsTheGoodOnes() {
        ImportReport elders;
        try (RegistryImport<Elder> imp = cache.importElders("elders.csv", VOCABULARY, RegistryMode.DELTA)) {
            imp.accept(2, elder("E1", "张三", "1111", "", CategoryTag.of("minimum_living")));
            imp.accept(3, elder("E2", "李四", "2222", "", CategoryTag.of("minimum_livng")));
            imp.accept(4, elder("E3", "王五", "3333", "", CategoryTag.of("disabled", 7)));
            imp.reject(5, "resident_id: check digit wrong");
            imp.accept(6, elder("E4", "赵六", "4444", "", CategoryTag.of("disabled", 1)));
            elders = imp.finish();
        }
        assertThat(elders.accepted()).isEqualTo(2);
        assertThat(elders.rejected()).isEqualTo(3);
        assertThat(elders.rejections()).extracting(RowRejection::line).containsExactly(3L, 4L, 5L);
        assertThat(elders.rejections().get(0).problem()).contains("E2", "unknown category \"minimum_livng\"");
        assertThat(elders.rejections().get(1).problem()).contains("disabled").contains("grade must be 1-4");

        ImportReport cards;
        try (RegistryImport<Card> imp = cache.importCards("cards.csv", RegistryMode.DELTA)) {
            imp.accept(2, new Card("AABBCCDD", "E1", CardStatus.ACTIVE, Instant.EPOCH));
            imp.accept(3, new Card("AABBCCEE", "E2", CardStatus.ACTIVE, Instant.EPOCH)); // E2 was rejected above
            imp.reject(4, "card_uid: must be 8-20 upper-case hex digits: \"04-A1\"");
            imp.accept(5, new Card("AABBCCFF", "E4", CardStatus.ACTIVE, Instant.EPOCH));
            cards = imp.finish();
        }
        assertThat(cards.accepted()).isEqualTo(2);
        assertThat(cards.rejections()).extracting(RowRejection::line).containsExactly(3L, 4L);
        assertThat(cards.rejections().get(0).problem()).contains("AABBCCEE", "elder E2 is not in the registry");
        assertThat(cache.findElderByCardUid("AABBCCDD")).isPresent();
        assertThat(cache.findElderByCardUid("AABBCCEE")).isEmpty();
        assertThat(cache.findElderByCardUid("AABBCCFF")).isPresent();
        assertThat(cache.elderCount()).isEqualTo(2);
    }

    @Test
    void aRowTheDatabaseRefusesCostsOnlyItselfAndItsBatchNeighboursAreKept() {
        // The cache's own checks would stop a 200-character name; this import skips them to reach the database.
        ImportReport report;
        RegistryTable<Elder> unchecked = new RegistryTable<>() {
            @Override public String kind() { return "elders"; }
            @Override public Optional<String> problem(Elder e) { return Optional.empty(); }
            @Override public String key(Elder e) { return e.id(); }
            @Override public void upsert(RegistryMapper m, Elder e, long generation) { m.upsertElder(ElderRow.of(e), generation); }
            @Override public String notWritten(Elder e) { return "not written"; }
            @Override public int block(RegistryMapper m, String key, String reason, long generation) { return m.blockElder(key, reason, generation); }
            @Override public long removeAbsent(RegistryMapper m, long generation) { return 0; }
        };
        try (RegistryImport<Elder> imp = new RegistryImport<>(db.sessions().openSession(ExecutorType.BATCH), Optional.empty(),
                unchecked, "elders.csv", RegistryMode.DELTA)) {
            imp.accept(2, elder("E1", "张三", "", ""));
            imp.accept(3, elder("E2", "长".repeat(200), "", ""));
            imp.accept(4, elder("E3", "王五", "", ""));
            report = imp.finish();
        }
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.problem()).contains("the till database refused the row").containsIgnoringCase("too long");
        });
        assertThat(cache.findElder("E1")).isPresent();
        assertThat(cache.findElder("E3")).isPresent();
        assertThat(cache.findElder("E2")).isEmpty();
    }

    @Test
    void importsInSeveralCommittedBatches() {
        ImportReport report;
        try (RegistryImport<Elder> imp = cache.importElders("elders.csv", VOCABULARY, RegistryMode.DELTA)) {
            for (int i = 0; i < 2 * RegistryImport.BATCH_ROWS + 7; i++) {
                imp.accept(i + 2, elder("E" + i, "名" + i, "", ""));
            }
            report = imp.finish();
        }
        assertThat(report.accepted()).isEqualTo(2 * RegistryImport.BATCH_ROWS + 7);
        assertThat(cache.elderCount()).isEqualTo(2 * RegistryImport.BATCH_ROWS + 7);
        assertThat(cache.findElder("E" + (2 * RegistryImport.BATCH_ROWS + 6))).isPresent();
    }

    @Test
    void aFinishedImportRefusesMoreRows() {
        try (RegistryImport<Elder> imp = cache.importElders("elders.csv", VOCABULARY, RegistryMode.DELTA)) {
            imp.finish();
            assertThatThrownBy(() -> imp.accept(2, elder("E1", "张三", "", ""))).isInstanceOf(IllegalStateException.class);
        }
        assertThat(cache.imported()).isFalse(); // elders only, no cards yet
    }

    @Test
    void searchesByNameAndLastDigitsOfIdOrPhone() {
        try (RegistryImport<Elder> imp = cache.importElders("elders.csv", VOCABULARY, RegistryMode.DELTA)) {
            imp.accept(2, elder("E1", "张三", "123X", "9876"));
            imp.accept(3, elder("E2", "张三", "5555", "1234"));
            imp.accept(4, elder("E3", "张三丰", "123X", ""));
            imp.finish();
        }
        assertThat(cache.searchByName("张三", "123x")).extracting(Elder::id).containsExactly("E1");
        assertThat(cache.searchByName(" 张三 ", "1234")).extracting(Elder::id).containsExactly("E2");
        assertThat(cache.searchByName("张三", "9876")).extracting(Elder::id).containsExactly("E1");
        assertThat(cache.searchByName("张三", "0000")).isEmpty();
        assertThatThrownBy(() -> cache.searchByName("张三", "12")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("last 4");
    }

    @Test
    void theCacheSurvivesClosingAndReopeningTheFile() {
        try (RegistryImport<Elder> imp = cache.importElders("elders.csv", VOCABULARY, RegistryMode.DELTA)) {
            imp.accept(2, elder("E1", "张三", "1111", ""));
            imp.finish();
        }
        db.close();
        db = TillDatabase.open(dir);
        cache = new RegistryCache(db);
        assertThat(cache.findElder("E1")).map(Elder::name).contains("张三");
    }
}
