package org.yishi.config.registry;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.ElderState;
import org.yishi.core.elder.ResidentId;

/**
 * A small hand-made registry with one elder for each case the QR and card commands must handle: the till's {@code qr verify}
 * and the administrator's {@code qr issue} and {@code card print} (in the test-jar for both).
 */
public final class QrTestRegistry {

    /** Active, one active card (and an old revoked one). */
    public static final String ACTIVE = "E000123";
    public static final String ACTIVE_CARD = "04A1B2C3D4E5F6";
    public static final String ACTIVE_NAME = "张小华";
    public static final ResidentId ACTIVE_ID = ResidentId.of("440118", LocalDate.of(1941, 3, 9), 123);
    public static final String DECEASED = "E000200";
    public static final String ONLY_LOST_CARD = "E000300";
    public static final String LOST_CARD = "04C0FFEE000003";
    public static final String NO_CARD = "E000400";
    public static final String TWO_CARDS = "E000500";
    public static final String OTHER = "E000600";
    public static final String OTHER_CARD = "04BEEF00000006";

    private QrTestRegistry() {
    }

    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<ElderRecord> elders = List.of(
                elder(ACTIVE, ACTIVE_NAME, ACTIVE_ID, ElderState.ACTIVE, null),
                elder(DECEASED, "李四", ResidentId.of("440103", LocalDate.of(1930, 1, 2), 201), ElderState.DECEASED,
                        LocalDate.of(2026, 9, 1)),
                elder(ONLY_LOST_CARD, "王五", ResidentId.of("440103", LocalDate.of(1945, 5, 6), 301), ElderState.ACTIVE, null),
                elder(NO_CARD, "赵六", ResidentId.of("440103", LocalDate.of(1950, 7, 8), 401), ElderState.ACTIVE, null),
                elder(TWO_CARDS, "钱七", ResidentId.of("440103", LocalDate.of(1950, 7, 8), 501), ElderState.ACTIVE, null),
                elder(OTHER, "孙八", ResidentId.of("440103", LocalDate.of(1952, 2, 3), 601), ElderState.ACTIVE, null));
        Instant since = Instant.parse("2026-01-05T01:00:00Z");
        List<Card> cards = List.of(
                new Card("04A1B2C3D4E500", ACTIVE, CardStatus.REVOKED, since),
                new Card(ACTIVE_CARD, ACTIVE, CardStatus.ACTIVE, since),
                new Card("04D1B2C3D4E5F6", DECEASED, CardStatus.ACTIVE, since),
                new Card(LOST_CARD, ONLY_LOST_CARD, CardStatus.LOST, since),
                new Card("04E1000000000A", TWO_CARDS, CardStatus.ACTIVE, since),
                new Card("04E1000000000B", TWO_CARDS, CardStatus.ACTIVE, since),
                new Card(OTHER_CARD, OTHER, CardStatus.ACTIVE, since));
        try (Writer w = Files.newBufferedWriter(dir.resolve("elders.csv"), StandardCharsets.UTF_8)) {
            RegistryFormat.ELDERS.writeAll(w, elders);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("cards.csv"), StandardCharsets.UTF_8)) {
            RegistryFormat.CARDS.writeAll(w, cards);
        }
        return dir;
    }

    private static ElderRecord elder(String id, String name, ResidentId residentId, ElderState state, LocalDate since) {
        return new ElderRecord(id, name, residentId,
                residentId.male() ? ElderRecord.Gender.MALE : ElderRecord.Gender.FEMALE, residentId.birthDate(),
                List.of(), residentId.regionCode(), residentId.regionCode() + "001", "13800001234", state, since);
    }
}
