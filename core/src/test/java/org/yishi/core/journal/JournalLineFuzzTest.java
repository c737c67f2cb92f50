package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link JournalReader#parseLine}, which reads journal lines from files and exports that come from outside
 * (docs/testing.md). The contract: a line either parses — and then it is the one canonical form of its record — or
 * is refused with a {@link MalformedRecordException} (MALFORMED or NOT_CANONICAL) saying why; and a parsed record's
 * payload either reads as its typed form or is refused with an {@link InvalidPayloadException}. Any other exception
 * is a finding.
 *
 * <p>{@code mvn verify} runs the committed inputs under {@code src/test/resources/org/yishi/core/journal/
 * JournalLineFuzzTestInputs/parseLine/} (the three records of docs/journal-format.md and every past finding);
 * {@code scripts/fuzz.sh core JournalLineFuzzTest parseLine MINUTES} fuzzes.
 */
class JournalLineFuzzTest {

    @FuzzTest
    void parseLine(byte[] input) {
        // Lines are UTF-8 in the file; JournalLineReader refuses malformed UTF-8 before parseLine sees it.
        String line = new String(input, StandardCharsets.UTF_8);
        SignedRecord record;
        try {
            record = JournalReader.parseLine(line);
        } catch (MalformedRecordException refused) {
            assertThat(refused.getMessage()).as("a refusal says why").isNotBlank();
            assertThat(refused.kind()).isIn(ProblemKind.MALFORMED, ProblemKind.NOT_CANONICAL);
            return;
        }
        assertThat(record.line()).isEqualTo(line);
        assertThat(line).startsWith(record.signature() + " ");
        assertThat(CanonicalJson.write(StrictJsonParser.parse(record.body()))).as("the body is canonical").isEqualTo(record.body());
        try {
            assertThat(record.typedPayload()).isNotNull();
        } catch (InvalidPayloadException refused) {
            assertThat(refused.getMessage()).as("a refusal names the field").isNotBlank();
        }
    }
}
