package org.yishi.config.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;

class RegistryDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void findsAnElderTheirCardsAndACardByUid() throws Exception {
        RegistryDirectory registry = new RegistryDirectory(QrTestRegistry.write(dir));

        assertThat(registry.elder(QrTestRegistry.ACTIVE).first()).map(ElderRecord::name).contains(QrTestRegistry.ACTIVE_NAME);
        assertThat(registry.elder("E999999").first()).isEmpty();
        assertThat(registry.cardsOf(QrTestRegistry.ACTIVE).matches()).extracting(Card::status)
                .containsExactly(CardStatus.REVOKED, CardStatus.ACTIVE);
        assertThat(registry.find(QrTestRegistry.LOST_CARD)).map(Card::status).contains(CardStatus.LOST);
        assertThat(registry.find("04FFFFFFFFFFFF")).isEmpty();
    }

    @Test
    void anUnreadableRowIsReportedWithTheSearchThatMightHaveWantedIt() throws Exception {
        QrTestRegistry.write(dir);
        Files.writeString(dir.resolve("cards.csv"), "04ZZ,E000123,active,2026-01-05T09:00+08:00\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        RegistryDirectory.Found<Card> found = new RegistryDirectory(dir).cardsOf(QrTestRegistry.ACTIVE);

        assertThat(found.matches()).hasSize(2);
        assertThat(found.unreadable()).singleElement().satisfies(e -> assertThat(e.toString()).contains("card_uid"));
    }

    @Test
    void aDirectoryWithoutTheRegistryFilesIsRefusedNamingTheMissingFile() {
        assertThatThrownBy(() -> new RegistryDirectory(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("elders.csv is missing");
    }
}
