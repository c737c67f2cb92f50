package org.yishi.till.store.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.policy.Policy;
import org.yishi.till.store.TillDatabase;

class PolicyStoreTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static Policy policy(String version, LocalDate from, LocalDate to) {
        return new Policy("guangzhou-zengcheng", version, "增城区长者饭堂补贴", ZoneId.of("Asia/Shanghai"), from,
                Optional.ofNullable(to), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void storesTheExactTextWithItsSha256AndPicksTheVersionInForce() {
        try (TillDatabase db = TillDatabase.open(dir)) {
            PolicyStore store = new PolicyStore(db, CLOCK);
            String y2020 = "id: guangzhou-zengcheng\nversion: \"2020.1\"\n# 城区 ¥12 套餐\n";
            String y2022 = "id: guangzhou-zengcheng\nversion: \"2022.1\"\n";
            InstalledPolicy v1 = store.install(policy("2020.1", LocalDate.of(2020, 1, 1), null), y2020);
            store.install(policy("2022.1", LocalDate.of(2022, 7, 1), LocalDate.of(2024, 12, 31)), y2022);

            assertThat(v1.yamlSha256()).hasSize(64).isEqualTo(PolicyStore.sha256(y2020));
            // sha256("abc") is a published test vector
            assertThat(PolicyStore.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            assertThat(store.find("guangzhou-zengcheng", "2020.1")).map(InstalledPolicy::yamlText).contains(y2020);
            assertThat(store.versions("guangzhou-zengcheng")).extracting(InstalledPolicy::version).containsExactly("2020.1", "2022.1");
            assertThat(store.inForceOn("guangzhou-zengcheng", LocalDate.of(2019, 12, 31))).isEmpty();
            assertThat(store.inForceOn("guangzhou-zengcheng", LocalDate.of(2022, 6, 30))).map(InstalledPolicy::version).contains("2020.1");
            assertThat(store.inForceOn("guangzhou-zengcheng", LocalDate.of(2022, 7, 1))).map(InstalledPolicy::version).contains("2022.1");
            assertThat(store.inForceOn("guangzhou-zengcheng", LocalDate.of(2025, 1, 1))).map(InstalledPolicy::version).contains("2020.1");
            assertThat(store.policyIds()).containsExactly("guangzhou-zengcheng");
        }
        try (TillDatabase db = TillDatabase.open(dir)) {
            InstalledPolicy again = new PolicyStore(db, CLOCK).find("guangzhou-zengcheng", "2022.1").orElseThrow();
            assertThat(again.effectiveTo()).contains(LocalDate.of(2024, 12, 31));
            assertThat(again.installedAt()).isEqualTo(CLOCK.instant());
        }
    }

    @Test
    void aVersionIsImmutableOnceInstalled() {
        try (TillDatabase db = TillDatabase.open(dir)) {
            PolicyStore store = new PolicyStore(db, CLOCK);
            Policy p = policy("2020.1", LocalDate.of(2020, 1, 1), null);
            InstalledPolicy first = store.install(p, "a: 1\n");
            assertThat(store.install(p, "a: 1\n")).isEqualTo(first);
            assertThatThrownBy(() -> store.install(p, "a: 2\n")).isInstanceOf(PolicyConflictException.class)
                    .hasMessageContaining("2020.1").hasMessageContaining("new version");
            assertThat(store.find("guangzhou-zengcheng", "2020.1")).map(InstalledPolicy::yamlText).contains("a: 1\n");
        }
    }
}
