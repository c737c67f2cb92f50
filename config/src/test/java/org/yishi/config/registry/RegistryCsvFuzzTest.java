package org.yishi.config.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yishi.config.csv.CsvFormatException;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.config.simulate.Simulation;
import org.yishi.config.simulate.SimulationResult;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.SubsidyEngine;

/**
 * Fuzzes the rows of the registry CSV files ({@link RegistryFormat}: elders, cards, canteens, menu, staff, manifest;
 * docs/registry-csv.md) and of a purchases file for {@code policy simulate} ({@link Simulation}; docs/simulate.md):
 * exports from the civil-affairs registry and spreadsheets, all from outside (docs/testing.md).
 *
 * <p>Input: the first byte picks the format (its value modulo 7, 6 = purchases); the second byte's low bit says
 * whether the format's correct header line comes first (mostly it should, so the fuzzer spends its time in the rows);
 * the rest is the file's text, UTF-8. The contract: a file whose header is wrong or that cannot be split into rows
 * is refused with a {@link CsvFormatException}; otherwise every row is either accepted or refused with a
 * {@link RowError} naming its line and saying why — never an exception out of a bad row.
 *
 * <p>{@code mvn verify} runs the committed inputs under {@code src/test/resources/org/yishi/config/registry/
 * RegistryCsvFuzzTestInputs/readRows/}; {@code scripts/fuzz.sh config RegistryCsvFuzzTest readRows MINUTES} fuzzes.
 */
class RegistryCsvFuzzTest {

    private static final List<RegistryFormat<?>> FORMATS = List.of(RegistryFormat.ELDERS, RegistryFormat.CARDS,
            RegistryFormat.CANTEENS, RegistryFormat.MENU, RegistryFormat.STAFF, RegistryFormat.MANIFEST);
    private static final Policy POLICY = new PolicyLoader().load(Path.of("..", "policies", "guangzhou-zengcheng-2020.yaml"));
    private static final Simulation SIMULATION = new Simulation(new SubsidyEngine());

    @FuzzTest
    void readRows(byte[] input) {
        int format = input.length > 0 ? Byte.toUnsignedInt(input[0]) % (FORMATS.size() + 1) : 0;
        boolean withHeader = input.length < 2 || (input[1] & 1) == 1;
        String body = input.length > 2 ? new String(input, 2, input.length - 2, StandardCharsets.UTF_8) : "";
        if (format < FORMATS.size()) {
            readRegistry(FORMATS.get(format), withHeader, body);
        } else {
            simulate(withHeader, body);
        }
    }

    private static <T> void readRegistry(RegistryFormat<T> format, boolean withHeader, String body) {
        String text = withHeader ? String.join(",", format.columns()) + "\n" + body : body;
        List<T> accepted = new ArrayList<>();
        List<RowError> refused = new ArrayList<>();
        RegistryFormat.ReadResult result;
        try {
            result = format.read(new StringReader(text), format.fileName(), accepted::add, refused::add);
        } catch (CsvFormatException wholeFile) {
            assertThat(wholeFile.getMessage()).as("a refused file says why").isNotBlank();
            return;
        }
        assertThat(result.accepted()).isEqualTo(accepted.size());
        assertThat(result.refused()).isEqualTo(refused.size());
        assertThat(accepted).doesNotContainNull();
        for (RowError e : refused) {
            assertThat(e.line()).as("refusal %s names its line", e).isPositive();
            assertThat(e.message()).as("refusal %s says why", e).isNotBlank();
        }
    }

    private static void simulate(boolean withHeader, String body) {
        String text = withHeader ? String.join(",", Simulation.inputColumns()) + "\n" + body : body;
        SimulationResult result;
        try {
            result = SIMULATION.run(POLICY, new StringReader(text), new StringWriter());
        } catch (CsvFormatException wholeFile) {
            assertThat(wholeFile.getMessage()).as("a refused file says why").isNotBlank();
            return;
        }
        assertThat(result).isNotNull();
    }
}
