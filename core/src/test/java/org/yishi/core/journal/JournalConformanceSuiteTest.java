package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal conformance suite in {@code conformance/journal/} (issue 10): the committed files are exactly what
 * {@link ConformanceSuite} generates, the Java verifier says of every journal what the manifest says, and the minimal
 * Python verifier of docs/journal-format.md's appendix agrees on every rule it checks.
 */
class JournalConformanceSuiteTest {

    private static final Path SUITE = Path.of("..", "conformance", "journal");
    private static final Path DOC = Path.of("..", "docs", "journal-format.md");
    private static final String REGENERATE = "mvn -pl core test -Dtest=JournalConformanceSuiteTest -Dyishi.conformance.write=true";

    /** One row of manifest.csv. */
    record Row(String file, boolean valid, String kind, long seq, long line, String step, String anchor, String rule) {
        static Row parse(String csv) {
            String[] f = csv.split(",", -1);
            assertThat(f).as("columns of %s", csv).hasSize(8);
            return new Row(f[0], f[1].equals("valid"), f[2], Long.parseLong(f[3]), f[4].isEmpty() ? 0 : Long.parseLong(f[4]), f[5], f[6], f[7]);
        }

        /** Steps 1-8: line form, canonical body, till, seq, chain, position, key, signature. */
        boolean withinTheMinimalVerifier() {
            return !valid && !step.equals("end") && Integer.parseInt(step) <= 8;
        }
    }

    @Test
    void theCommittedSuiteIsExactlyWhatTheGeneratorWrites() throws IOException {
        if (Boolean.getBoolean("yishi.conformance.write")) {
            ConformanceSuite.write(SUITE);
        }
        Map<String, byte[]> generated = ConformanceSuite.files();
        SoftAssertions soft = new SoftAssertions();
        generated.forEach((name, bytes) -> {
            Path file = SUITE.resolve(name);
            soft.assertThat(Files.exists(file)).as("%s is missing; regenerate with %s", file, REGENERATE).isTrue();
            if (Files.exists(file)) {
                soft.assertThat(read(file)).as("%s differs from the generator; regenerate with %s", file, REGENERATE).isEqualTo(bytes);
            }
        });
        Set<String> committed = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(SUITE)) {
            walk.filter(Files::isRegularFile).forEach(p -> committed.add(SUITE.relativize(p).toString().replace('\\', '/')));
        }
        committed.removeAll(generated.keySet());
        soft.assertThat(committed).as("files in %s that no case generates (regenerate with %s)", SUITE, REGENERATE)
                .containsExactlyInAnyOrder(".gitattributes", "README.md");
        soft.assertAll();
    }

    @Test
    void theJavaVerifierSaysOfEveryJournalWhatTheManifestSays() throws IOException {
        List<Row> rows = manifest();
        SoftAssertions soft = new SoftAssertions();
        for (Row row : rows) {
            JournalVerifier.Builder b = JournalVerifier.builder();
            trustedKeys().forEach(k -> b.trustKey(JournalFormat.decodePublicKey(k)));
            if (!row.anchor().isEmpty()) {
                String[] a = row.anchor().split(":");
                b.expectAnchor(Long.parseLong(a[0]), a[1]);
            }
            VerificationReport report = b.build().verify(SUITE.resolve(row.file()));
            if (row.valid()) {
                soft.assertThat(report.ok()).as("%s must verify (%s): %s", row.file(), row.rule(), report.summary()).isTrue();
                soft.assertThat(report.lastSeq()).as("%s last seq", row.file()).isEqualTo(row.seq());
                soft.assertThat(report.trust()).as("%s trust", row.file()).isEqualTo(TrustMode.PINNED_KEYS);
                continue;
            }
            String expected = row.kind() + " at line " + row.line() + " seq " + row.seq();
            String found = report.firstProblem().map(p -> p.kind() + " at line " + p.lineNumber() + " seq " + p.seq() + " (" + p.message() + ")")
                    .orElse("no problem");
            soft.assertThat(found).as("%s (%s)", row.file(), row.rule()).startsWith(expected + " (");
            // §9: a report gives seq 0 exactly when the line cannot be parsed as a record (steps 1 and 2).
            soft.assertThat(row.seq() == 0).as("%s: seq 0 only for steps 1-2", row.file()).isEqualTo(Set.of("1", "2").contains(row.step()));
        }
        soft.assertAll();
    }

    @Test
    void theSuiteHasACaseForEveryProblemKindAndEveryStep() throws IOException {
        List<Row> rows = manifest();
        Set<ProblemKind> kinds = rows.stream().filter(r -> !r.valid()).map(r -> ProblemKind.valueOf(r.kind()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProblemKind.class)));
        assertThat(kinds).containsExactlyInAnyOrder(ProblemKind.values());
        assertThat(rows.stream().filter(r -> !r.valid()).map(Row::step).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "end");
        assertThat(rows).filteredOn(Row::valid).hasSizeGreaterThanOrEqualTo(3);
    }

    /**
     * The appendix's Python verifier checks steps 1-8: on those cases it must report the same kind at the same line, and
     * on every other case it may find nothing (it does not check payloads, references, totals or anchors) but never
     * another problem.
     */
    @Test
    void thePythonVerifierOfTheAppendixAgreesOnWhatItChecks(@TempDir Path dir) throws Exception {
        assumeTrue(python("-c", "import cryptography") == 0,
                "python3 with the 'cryptography' module is not installed: the appendix verifier was NOT run against the suite");
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int appendix = doc.indexOf("## Appendix");
        int start = doc.indexOf("```python\n", appendix) + "```python\n".length();
        Path script = dir.resolve("verify_journal.py");
        Files.writeString(script, doc.substring(start, doc.indexOf("```", start)));
        String keyId = JournalFormat.keyIdOf(JournalFormat.decodePublicKey(trustedKeys().get(0)));
        // One interpreter for the whole suite, calling the script's verify() as its command line would.
        Path driver = dir.resolve("run_suite.py");
        Files.writeString(driver, String.join("\n", "import sys", "sys.path.insert(0, sys.argv[1])", "from verify_journal import verify",
                "for f in sys.argv[3:]:", "    print(f + '\\t' + verify(f, sys.argv[2]))", ""));
        List<Row> rows = manifest();
        List<String> args = new ArrayList<>(List.of(driver.toString(), dir.toString(), keyId));
        rows.forEach(r -> args.add(SUITE.resolve(r.file()).toString()));
        Path out = dir.resolve("out.txt");
        assertThat(python(out, args.toArray(String[]::new))).as("the driver ran: %s", Files.readString(out)).isZero();
        Map<String, String> said = new java.util.HashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            said.put(line.substring(0, line.indexOf('\t')), line.substring(line.indexOf('\t') + 1));
        }
        SoftAssertions soft = new SoftAssertions();
        for (Row row : rows) {
            String result = said.getOrDefault(SUITE.resolve(row.file()).toString(), "(no output)");
            String problem = "line " + row.line() + ": " + row.kind();
            if (row.withinTheMinimalVerifier()) {
                soft.assertThat(result).as("%s (%s)", row.file(), row.rule()).startsWith(problem);
            } else {
                soft.assertThat(result.startsWith("OK: ") || !row.valid() && result.startsWith(problem))
                        .as("%s (%s): the Python verifier must find nothing, or the same problem, but said %s", row.file(), row.rule(), result)
                        .isTrue();
            }
        }
        soft.assertAll();
    }

    private static int python(String... args) throws IOException, InterruptedException {
        return python(null, args);
    }

    private static int python(Path out, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectOutput(out == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(out.toFile()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException noPython) {
            return -1;
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("python3 " + args[0] + " did not finish in 60 s");
        }
        return p.exitValue();
    }

    private static List<Row> manifest() throws IOException {
        List<String> lines = Files.readAllLines(SUITE.resolve(ConformanceSuite.MANIFEST), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(ConformanceCase.HEADER);
        return lines.stream().skip(1).map(Row::parse).toList();
    }

    private static List<String> trustedKeys() throws IOException {
        return Files.readAllLines(SUITE.resolve(ConformanceSuite.TRUSTED_KEYS), StandardCharsets.US_ASCII);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
