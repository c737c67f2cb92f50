package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the worked example of docs/journal-format.md true: same bytes as the writer produces, same hashes. */
class JournalDocExampleTest {

    private static final Path DOC = Path.of("..", "docs", "journal-format.md");

    @TempDir
    Path dir;

    private static String section(String doc, String name) {
        int begin = doc.indexOf("<!-- " + name + ":begin -->");
        int end = doc.indexOf("<!-- " + name + ":end -->");
        assertThat(begin).as("marker %s:begin in %s", name, DOC).isNotNegative();
        return doc.substring(begin, end);
    }

    @Test
    void exampleLinesAreWhatTheWriterWritesWithTheRfc8032Key() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String block = section(doc, "example-journal");
        List<String> documented = Arrays.stream(block.split("\n"))
                .filter(l -> !l.startsWith("<!--") && !l.startsWith("```") && !l.isBlank()).toList();
        assertThat(documented).isEqualTo(DocExample.write(dir));
    }

    @Test
    void documentedHashesAreTheRecordsHashesAndTheExampleVerifiesAgainstThePinnedKey() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> lines = DocExample.write(dir);
        Matcher m = Pattern.compile("\\| (\\d) \\| `([0-9a-f]{64})` \\|").matcher(section(doc, "example-hashes"));
        int rows = 0;
        while (m.find()) {
            rows++;
            SignedRecord r = JournalReader.parseLine(lines.get(Integer.parseInt(m.group(1)) - 1));
            assertThat(r.hash()).isEqualTo(m.group(2));
        }
        assertThat(rows).isEqualTo(3);
        TillKeys rfc = DocExample.rfc8032Keys(dir);
        assertThat(doc).contains(JournalFormat.encodePublicKey(rfc.publicKey())).contains(rfc.keyId());
        VerificationReport report = JournalVerifier.builder().trustKey(rfc.publicKey()).build().verify(lines);
        assertThat(report.ok()).as(report.summary()).isTrue();
    }
}
