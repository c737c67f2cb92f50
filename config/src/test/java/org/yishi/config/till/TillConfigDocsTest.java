package org.yishi.config.till;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/till-config.md stays true: its example is the shipped one and loads, its table names every key the loader allows. */
class TillConfigDocsTest {

    private static final Path DOC = Path.of("..", "docs", "till-config.md");

    @Test
    void exampleInTheDocIsTheShippedExampleAndLoads(@TempDir Path dir) throws IOException {
        String md = Files.readString(DOC);
        String block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(md).results().findFirst().orElseThrow().group(1);
        String shipped = Files.readString(Path.of("till.example.yaml"));
        assertThat(shipped).endsWith(block);

        Files.writeString(dir.resolve("till.yaml"), block);
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/qr-trusted.keys"), "k1=AAAA\n");
        assertThat(new TillConfigLoader().load(dir.resolve("till.yaml")).tillId()).isEqualTo("GZ-ZC-C01-T1");
    }

    @Test
    void referenceTableListsExactlyTheAllowedKeys() throws IOException {
        String md = Files.readString(DOC);
        String table = md.substring(md.indexOf("## Reference"), md.indexOf("## Problems"));
        Set<String> documented = new LinkedHashSet<>(Pattern.compile("^\\| `([a-z_]+)` \\|", Pattern.MULTILINE).matcher(table)
                .results().map(r -> r.group(1)).toList());
        Set<String> allowed = new LinkedHashSet<>(Stream.of(TillConfigReader.KEYS, TillConfigReader.PRINTER_KEYS,
                TillConfigReader.READER_KEYS, TillConfigReader.PCSC_KEYS, TillConfigReader.QR_KEYS, TillConfigReader.STAFF_KEYS)
                .flatMap(List::stream).toList());
        assertThat(documented).containsExactlyInAnyOrderElementsOf(allowed);
    }
}
