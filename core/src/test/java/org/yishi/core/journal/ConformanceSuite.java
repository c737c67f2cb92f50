package org.yishi.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates the journal conformance suite shipped in {@code conformance/journal/} (see its README.md): honest
 * journals that must verify and broken ones that must fail with a stated kind at a stated seq and line, with
 * {@code manifest.csv} and the pinned key. Everything is deterministic (RFC 8032 keys, fixed clock, Ed25519), so
 * {@code JournalConformanceSuiteTest} can require the committed files to be exactly what this writes.
 *
 * <p>Regenerate with {@code mvn -pl core test -Dtest=JournalConformanceSuiteTest -Dyishi.conformance.write=true}, or
 * run {@link #main} with the suite directory as argument.
 */
public final class ConformanceSuite {

    /** Records kept after a broken one: enough to show that a verifier stops at the first problem, no more. */
    static final int TAIL = 2;
    static final String MANIFEST = "manifest.csv";
    static final String TRUSTED_KEYS = "trusted-keys.txt";
    static final String JOURNALS = "journals";

    private ConformanceSuite() {
    }

    /** Every case, valid ones first, in manifest order. */
    static List<ConformanceCase> cases() {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("yishi-conformance");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<String> day = ConformanceJournal.fullDay(tmp.resolve("day.jsonl"));
            List<ConformanceCase> cases = new ArrayList<>();
            cases.add(ConformanceCase.valid("valid-full-day", "§7: every record type in two shifts with a key rotation between them"
                    + " (includes a STAFF detail of 200 astral code points)", day));
            cases.add(ConformanceCase.valid("valid-open-codes", "§7 open lists: codes the till does not write today are valid"
                    + " (and a REGISTRY_UPDATE without mode)", ConformanceJournal.openCodes(tmp.resolve("codes.jsonl"))));
            cases.add(ConformanceCase.valid("valid-utc-offset", "§4: a till clock in UTC writes +00:00",
                    ConformanceJournal.utcOffset(tmp.resolve("utc.jsonl"))));
            List<ConformanceCase> anchored = RuleCases.anchored(day);
            anchored.stream().filter(ConformanceCase::valid).forEach(cases::add);
            cases.addAll(FormCases.of(day));
            cases.addAll(RuleCases.of(day));
            anchored.stream().filter(c -> !c.valid()).forEach(cases::add);
            return cases;
        } finally {
            deleteTree(tmp);
        }
    }

    /** The suite's generated files, by path relative to the suite directory (README.md is written by hand). */
    static Map<String, byte[]> files() {
        List<ConformanceCase> cases = cases();
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder manifest = new StringBuilder(ConformanceCase.HEADER).append('\n');
        for (ConformanceCase c : cases) {
            if (files.put(c.file(), c.content()) != null) {
                throw new IllegalStateException("two cases named " + c.name());
            }
            manifest.append(c.manifestRow()).append('\n');
        }
        files.put(MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
        files.put(TRUSTED_KEYS, (JournalFormat.encodePublicKey(ConformanceKeys.A.publicKey()) + "\n").getBytes(StandardCharsets.US_ASCII));
        return files;
    }

    /** Writes the generated files into {@code dir}, removing journals no case makes any more. */
    static void write(Path dir) throws IOException {
        Map<String, byte[]> files = files();
        Path journals = dir.resolve(JOURNALS);
        Files.createDirectories(journals);
        try (Stream<Path> old = Files.list(journals)) {
            for (Path p : old.toList()) {
                if (!files.containsKey(JOURNALS + "/" + p.getFileName())) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "conformance/journal");
        write(dir);
        System.out.println("wrote " + files().size() + " files to " + dir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
