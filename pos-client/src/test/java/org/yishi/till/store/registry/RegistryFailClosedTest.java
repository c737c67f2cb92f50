package org.yishi.till.store.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.config.category.CategoryVocabulary;
import org.yishi.config.registry.RegistryManifest;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.ElderState;
import org.yishi.core.elder.RegistryMode;
import org.yishi.core.elder.ResidentId;
import org.yishi.till.store.TillDatabase;

/**
 * Registry import fails closed (docs/registry-csv.md): a refused row does not leave its elder or card as it was, a full
 * export replaces the cache, a delta upserts, and the reports say which and what happened.
 */
class RegistryFailClosedTest {

    static final String ELDERS = "elder_id,name,resident_id,gender,birth_date,categories,registered_district,registered_town,phone,status,status_since";
    static final String CARDS = "card_uid,elder_id,status,since";
    static final LocalDate BIRTH = LocalDate.of(1940, 3, 1);
    static final Instant AFTER_THE_IMPORTS = Instant.parse("2026-11-23T04:00:00Z");

    @TempDir
    Path dir;
    TillDatabase db;
    RegistryCache cache;
    RegistryCsvImporter importer;

    @BeforeEach
    void open() {
        db = TillDatabase.open(dir.resolve("db"));
        cache = new RegistryCache(db);
        importer = new RegistryCsvImporter(cache);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A male elder row: sequence 2n+1 keeps the ID's sex digit odd. */
    static String elder(String id, int n, String status, String since) {
        String residentId = ResidentId.of("440118", BIRTH, 2 * n + 1).fullNumber();
        return id + ",张" + n + "," + residentId + ",male,1940-03-01,,440118,440118001,," + status + "," + since;
    }

    static String wrongCheckCharacter(String row) {
        String[] f = row.split(",", -1);
        f[2] = f[2].substring(0, 17) + (f[2].charAt(17) == '0' ? '1' : '0');
        return String.join(",", f);
    }

    /** Writes an export under {@code name}; a null mode writes no manifest.csv. */
    Path export(String name, RegistryMode mode, String elderRows, String cardRows) throws IOException {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        Files.writeString(d.resolve("elders.csv"), ELDERS + "\n" + elderRows, StandardCharsets.UTF_8);
        Files.writeString(d.resolve("cards.csv"), CARDS + "\n" + cardRows, StandardCharsets.UTF_8);
        if (mode != null) {
            RegistryManifest.of(mode).write(d);
        }
        return d;
    }

    RegistryCsvImporter.Result load(Path export) {
        return importer.importRegistry(RegistryExport.in(export), CategoryVocabulary.standard());
    }

    CardStatus status(String uid) {
        return cache.findElderByCardUid(uid).orElseThrow().card().status();
    }

    @Test
    void aMalformedLostRowBlocksTheCardInsteadOfLeavingItActive() throws IOException {
        load(export("v1", RegistryMode.FULL, elder("E1", 1, "active", "") + "\n" + elder("E2", 2, "active", "") + "\n",
                "0A0A0A01,E1,active,2026-01-01T09:00+08:00\n0A0A0A02,E2,active,2026-01-01T09:00+08:00\n"));
        assertThat(status("0A0A0A01")).isEqualTo(CardStatus.ACTIVE);

        // the family reported card 1 lost; the export got the time wrong, so the till cannot read the row
        RegistryCsvImporter.Result r = load(export("v2", RegistryMode.DELTA, "", "0a0a0a01,E1,lost,2026-11-20\n"));

        assertThat(status("0A0A0A01")).isEqualTo(CardStatus.BLOCKED);
        assertThat(cache.findElderByCardUid("0A0A0A01").orElseThrow().card().activeAt(AFTER_THE_IMPORTS)).isFalse();
        assertThat(status("0A0A0A02")).as("a delta leaves the rest alone").isEqualTo(CardStatus.ACTIVE);
        assertThat(r.cards().rejected()).isEqualTo(1);
        assertThat(r.cards().rejections()).singleElement().satisfies(x -> {
            assertThat(x.key()).isEqualTo("0A0A0A01");
            assertThat(x.problem()).contains("[since]");
        });
        assertThat(r.cards().registry()).get().isEqualTo(new RegistryEffect(RegistryMode.DELTA, 1, 0, 0));
        assertThat(cache.blockedCardCount()).isEqualTo(1);

        // the corrected row lifts the block: the card is now what the registry says
        load(export("v3", RegistryMode.DELTA, "", "0A0A0A01,E1,lost,2026-11-20T10:00+08:00\n"));
        assertThat(status("0A0A0A01")).isEqualTo(CardStatus.LOST);
        assertThat(cache.blockedCardCount()).isZero();
    }

    @Test
    void aCardRowOfAnElderTheImportRefusedBlocksTheCardTheTillHad() throws IOException {
        load(export("v1", RegistryMode.FULL, elder("E1", 1, "active", "") + "\n", "0A0A0A01,E1,active,2026-01-01T09:00+08:00\n"));

        // the card moves to a new elder whose own row is refused: neither its new owner nor its state can be trusted
        RegistryCsvImporter.Result r = load(export("v2", RegistryMode.DELTA, wrongCheckCharacter(elder("E9", 9, "active", "")) + "\n",
                "0A0A0A01,E9,active,2026-11-01T09:00+08:00\n"));

        assertThat(r.cards().rejections()).singleElement().satisfies(x -> assertThat(x.problem()).contains("elder E9 is not in the registry"));
        assertThat(status("0A0A0A01")).isEqualTo(CardStatus.BLOCKED);
    }

    @Test
    void aRefusedElderRowStopsTheElderBeingServedUntilAValidRowArrives() throws IOException {
        load(export("v1", RegistryMode.FULL, elder("E1", 1, "active", "") + "\n" + elder("E2", 2, "deceased", "2026-05-01") + "\n",
                "0A0A0A01,E1,active,2026-01-01T09:00+08:00\n"));

        // E1 has died, but the export mistyped the resident ID; E2's row has a bad phone number
        RegistryCsvImporter.Result r = load(export("v2", RegistryMode.DELTA,
                wrongCheckCharacter(elder("E1", 1, "deceased", "2026-11-10")) + "\n" + elder("E2", 2, "deceased", "2026-05-01").replace(",,deceased", ",12,deceased") + "\n", ""));

        assertThat(r.elders().registry()).get().isEqualTo(new RegistryEffect(RegistryMode.DELTA, 2, 0, 0));
        assertThat(r.elders().rejections()).extracting(RowRejection::key).containsExactly("E1", "E2");
        for (LocalDate day : new LocalDate[] {LocalDate.of(1990, 1, 1), LocalDate.of(2026, 11, 23), LocalDate.of(2099, 1, 1)}) {
            assertThat(cache.findElder("E1").orElseThrow().stateOn(day)).as("E1 on " + day).isEqualTo(ElderState.SUSPENDED);
        }
        assertThat(cache.findElderByCardUid("0A0A0A01").orElseThrow().elder().stateOn(LocalDate.of(2026, 11, 23)))
                .as("the card lookup hands out the same blocked elder").isEqualTo(ElderState.SUSPENDED);
        assertThat(cache.findElder("E2").orElseThrow().stateOn(LocalDate.of(2026, 11, 23)))
                .as("a death recorded before still shows").isEqualTo(ElderState.DECEASED);
        assertThat(cache.blockedElderCount()).isEqualTo(2);

        load(export("v3", RegistryMode.DELTA, elder("E1", 1, "active", "") + "\n", ""));
        assertThat(cache.findElder("E1").orElseThrow().stateOn(LocalDate.of(2026, 11, 23))).isEqualTo(ElderState.ACTIVE);
        assertThat(cache.blockedElderCount()).isEqualTo(1);
    }

    @Test
    void aFullExportRemovesWhatItLeavesOutAndADeltaKeepsIt() throws IOException {
        String e1 = elder("E1", 1, "active", "");
        String e2 = elder("E2", 2, "active", "");
        String e3 = elder("E3", 3, "active", "");
        load(export("v1", RegistryMode.FULL, e1 + "\n" + e2 + "\n" + e3 + "\n",
                "0A0A0A01,E1,active,2026-01-01T09:00+08:00\n0A0A0A02,E2,active,2026-01-01T09:00+08:00\n"
                        + "0A0A0A03,E3,active,2026-01-01T09:00+08:00\n0A0A0A04,E3,active,2026-01-01T09:00+08:00\n"));

        RegistryCsvImporter.Result delta = load(export("v2", RegistryMode.DELTA, e1 + "\n", "0A0A0A01,E1,active,2026-01-01T09:00+08:00\n"));
        assertThat(delta.elders().registry().orElseThrow().removed()).isZero();
        assertThat(cache.elderCount()).isEqualTo(3);
        assertThat(cache.cardCount()).isEqualTo(4);

        RegistryCsvImporter.Result full = load(export("v3", RegistryMode.FULL, e1 + "\n" + e2 + "\n",
                "0A0A0A01,E1,active,2026-01-01T09:00+08:00\n"));
        assertThat(full.elders().registry()).get().isEqualTo(new RegistryEffect(RegistryMode.FULL, 0, 1, 0));
        assertThat(full.cards().registry()).get().isEqualTo(new RegistryEffect(RegistryMode.FULL, 0, 1, 0));
        assertThat(cache.findElder("E3")).as("left out of the full export").isEmpty();
        assertThat(cache.findElderByCardUid("0A0A0A03")).as("went with its elder").isEmpty();
        assertThat(cache.findElderByCardUid("0A0A0A02")).as("left out of cards.csv").isEmpty();
        assertThat(cache.findElder("E2")).isPresent();
        assertThat(cache.cardCount()).isEqualTo(1);
    }

    @Test
    void aFullExportKeepsARefusedRowsRecordBlockedRatherThanDroppingIt() throws IOException {
        load(export("v1", RegistryMode.FULL, elder("E1", 1, "active", "") + "\n", "0A0A0A01,E1,active,2026-01-01T09:00+08:00\n"));
        RegistryCsvImporter.Result r = load(export("v2", RegistryMode.FULL, elder("E1", 1, "active", "") + "\n", "0A0A0A01,E1,lsot,2026-11-20T10:00+08:00\n"));
        assertThat(r.cards().registry()).get().isEqualTo(new RegistryEffect(RegistryMode.FULL, 1, 0, 0));
        assertThat(status("0A0A0A01")).as("blocked, so the cashier hears why, not \"unknown card\"").isEqualTo(CardStatus.BLOCKED);
    }

    @Test
    void anExportWithoutAManifestIsFullAndOneWithAnUnreadableManifestImportsNothing() throws IOException {
        load(export("v1", RegistryMode.FULL, elder("E1", 1, "active", "") + "\n" + elder("E2", 2, "active", "") + "\n", ""));

        Path bad = export("v2", null, elder("E1", 1, "deceased", "2026-11-01") + "\n", "");
        Files.writeString(bad.resolve("manifest.csv"), "mode\nincremental\n");
        assertThatThrownBy(() -> load(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("full|delta");
        assertThat(cache.findElder("E1").orElseThrow().stateOn(LocalDate.of(2026, 11, 23))).isEqualTo(ElderState.ACTIVE);

        RegistryCsvImporter.Result r = load(export("v3", null, elder("E1", 1, "active", "") + "\n", ""));
        assertThat(r.elders().registry().orElseThrow().mode()).isEqualTo(RegistryMode.FULL);
        assertThat(cache.findElder("E2")).isEmpty();
    }

    @Test
    void aDeltaSaysWhenARefusedRowNamesNoCardItCanRead() throws IOException {
        load(export("v1", RegistryMode.FULL, elder("E1", 1, "active", "") + "\n", "0A0A0A01,E1,active,2026-01-01T09:00+08:00\n"));
        RegistryCsvImporter.Result delta = load(export("v2", RegistryMode.DELTA, "", "0A-0A-0A-01,E1,lost,2026-11-20T10:00+08:00\n"));
        RegistryEffect effect = delta.cards().registry().orElseThrow();
        assertThat(effect).isEqualTo(new RegistryEffect(RegistryMode.DELTA, 0, 0, 1));
        assertThat(effect.mayHaveKeptStaleRecords()).isTrue();
        assertThat(status("0A0A0A01")).as("the weakness the report names").isEqualTo(CardStatus.ACTIVE);

        RegistryCsvImporter.Result full = load(export("v3", RegistryMode.FULL, elder("E1", 1, "active", "") + "\n",
                "0A-0A-0A-01,E1,lost,2026-11-20T10:00+08:00\n"));
        assertThat(full.cards().registry().orElseThrow().mayHaveKeptStaleRecords()).isFalse();
        assertThat(cache.findElderByCardUid("0A0A0A01")).as("absent from the full export").isEmpty();
    }
}
