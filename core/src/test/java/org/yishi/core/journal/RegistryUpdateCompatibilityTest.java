package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.elder.RegistryMode;

/**
 * REGISTRY_UPDATE gained {@code mode} (full or delta) after format 1 was in use. Journals written before must still
 * verify and their records must read back to the very bytes they were signed over.
 */
class RegistryUpdateCompatibilityTest {

    /**
     * Written by the writer as it was before {@code mode} existed (commit b6036f9), with the published RFC 8032 key at
     * fixed times: a TILL_START and a REGISTRY_UPDATE of three fields.
     */
    static final List<String> WRITTEN_BEFORE_MODE = List.of(
            "qFaevrmyqaJRo9QZQpCRbwV9tmGGoh7cVpniF2bo/7VtIR7RGY1dDxjK1GluPXJwvDpueesbBcVqKzC8Lz92Bw== {\"format\":1,\"keyId\":\"06e3fd8fda29bb60\",\"payload\":{\"keyId\":\"06e3fd8fda29bb60\",\"publicKey\":\"MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"},\"prev\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"seq\":1,\"tillId\":\"GZ-ZC-001\",\"time\":\"2025-03-03T09:00:00.000+08:00\",\"type\":\"TILL_START\"}",
            "S9KXgQhWCJvSOmDrtSCEo9iUvct88qHGjLf410teydRJP/ywdNtCn+b7WDv+bcWpJKgNiIeFBWXLVt/MIQ3NDw== {\"format\":1,\"keyId\":\"06e3fd8fda29bb60\",\"payload\":{\"contentSha256\":\"efefefefefefefefefefefefefefefefefefefefefefefefefefefefefefefef\",\"elderCount\":1234,\"registryVersion\":\"2025-03\"},\"prev\":\"806c1a2f17e00428df95a24561f3bbb0011913b39cb775191391f604e9d12690\",\"seq\":2,\"tillId\":\"GZ-ZC-001\",\"time\":\"2025-03-03T09:05:00.000+08:00\",\"type\":\"REGISTRY_UPDATE\"}");

    @TempDir
    Path dir;

    @Test
    void aJournalWrittenBeforeTheModeExistedStillVerifiesAndReadsBackToItsOwnBytes() {
        TillKeys rfc = DocExample.rfc8032Keys(dir);
        VerificationReport report = JournalVerifier.builder().trustKey(rfc.publicKey()).build().verify(WRITTEN_BEFORE_MODE);
        assertThat(report.ok()).as(report.summary()).isTrue();

        SignedRecord old = JournalReader.parseLine(WRITTEN_BEFORE_MODE.get(1));
        RegistryUpdatePayload payload = (RegistryUpdatePayload) old.typedPayload();
        assertThat(payload).isEqualTo(new RegistryUpdatePayload("2025-03", "ef".repeat(32), 1234, null));
        assertThat(payload.mode()).as("unknown: written before the field").isNull();
        // what a writer would sign for this payload today is what was signed then
        assertThat(CanonicalJson.write(payload.toPayload()))
                .isEqualTo("{\"contentSha256\":\"" + "ef".repeat(32) + "\",\"elderCount\":1234,\"registryVersion\":\"2025-03\"}");
        assertThat(old.body()).contains("\"payload\":" + CanonicalJson.write(payload.toPayload()));
    }

    @Test
    void aTillUpgradedMidJournalWritesTheModeAndTheWholeJournalVerifies() {
        TillKeys rfc = DocExample.rfc8032Keys(dir);
        Path file = dir.resolve("journal.log");
        try {
            java.nio.file.Files.write(file, WRITTEN_BEFORE_MODE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SteppingClock clock = new SteppingClock(Instant.parse("2025-03-03T01:10:00Z"), Duration.ofMinutes(5));
        try (JournalWriter w = JournalWriter.open(file, rfc, "GZ-ZC-001", clock)) {
            w.append(new RegistryUpdatePayload("2025-04", "ab".repeat(32), 17, RegistryMode.DELTA));
        }
        List<String> lines = SampleJournal.lines(file);
        assertThat(lines.subList(0, 2)).isEqualTo(WRITTEN_BEFORE_MODE);
        assertThat(lines.get(2)).contains("\"mode\":\"delta\"");
        VerificationReport report = JournalVerifier.builder().trustKey(rfc.publicKey()).build().verify(lines);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(((RegistryUpdatePayload) JournalReader.parseLine(lines.get(2)).typedPayload()).mode()).isEqualTo(RegistryMode.DELTA);
    }

    @Test
    void aModeOtherThanFullOrDeltaIsAnInvalidPayload() {
        Map<String, Object> m = new HashMap<>(new RegistryUpdatePayload("v", "ab".repeat(32), 1, RegistryMode.FULL).toPayload());
        m.put("mode", "partial");
        assertThatThrownBy(() -> JournalPayload.of(RecordType.REGISTRY_UPDATE, m)).isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining("mode").hasMessageContaining("full or delta");
    }
}
