package org.yishi.till.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.yishi.config.demo.DemoDataGenerator;
import org.yishi.till.store.TillDatabase;
import org.yishi.config.category.CategoryVocabulary;
import org.yishi.till.store.registry.ImportReport;
import org.yishi.till.store.registry.RegistryCache;
import org.yishi.till.store.registry.RegistryCsvImporter;

/**
 * Registry import from the CSV files as {@code ./yishi demo-data} writes them (two million elders, about as many
 * cards), into an empty till database: CSV parsing, resident-ID checks, vocabulary checks and the batched upserts.
 * One shot per iteration; the demo CSV is generated once and kept under target/bench/.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class RegistryImportBench {

    static final CategoryVocabulary VOCABULARY = CategoryVocabulary.standard();

    private Path csv;
    private Path dbDir;

    @Setup(Level.Trial)
    public void demoCsv() throws IOException {
        csv = BenchData.benchDir().resolve("demo-csv-" + BenchData.ELDERS);
        Path done = csv.resolve("generated");
        if (!Files.exists(done)) {
            long start = System.nanoTime();
            DemoDataGenerator.Summary s = new DemoDataGenerator().generate(
                    new DemoDataGenerator.Options(BenchData.ELDERS, 1, java.time.LocalDate.of(2026, 11, 1),
                            java.time.YearMonth.of(2026, 10), 0, BenchData.SHANGHAI), csv);
            Files.writeString(done, s.toString());
            System.out.printf("%ndemo CSV written in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, s);
        }
    }

    @Setup(Level.Iteration)
    public void emptyDatabase() {
        dbDir = BenchData.benchDir().resolve("import-db-" + System.nanoTime());
    }

    @TearDown(Level.Iteration)
    public void dropDatabase() throws IOException {
        try (Stream<Path> files = Files.walk(dbDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public long importEldersAndCards() {
        try (TillDatabase db = TillDatabase.open(dbDir)) {
            RegistryCsvImporter importer = new RegistryCsvImporter(new RegistryCache(db));
            long start = System.nanoTime();
            RegistryCsvImporter.Result result = importer.importRegistry(org.yishi.till.store.registry.RegistryExport.in(csv), VOCABULARY);
            ImportReport elders = result.elders();
            ImportReport cards = result.cards();
            double compactSeconds = (System.nanoTime() - start) / 1e9 - (elders.elapsed().toMillis() + cards.elapsed().toMillis()) / 1e3;
            System.out.printf("%nelders: %,d in %.1f s = %,.0f rows/s, %d rejected; cards: %,d in %.1f s = %,.0f rows/s, %d rejected;"
                    + " compaction %.1f s; database %,d MB%n", elders.accepted(), elders.elapsed().toMillis() / 1e3,
                    elders.rowsPerSecond(), elders.rejected(), cards.accepted(), cards.elapsed().toMillis() / 1e3,
                    cards.rowsPerSecond(), cards.rejected(), compactSeconds, BenchData.sizeMb(dbDir.resolve("till.mv.db")));
            if (elders.rejected() + cards.rejected() > 0) {
                throw new IllegalStateException("demo data rejected: " + elders.rejections() + cards.rejections());
            }
            return elders.accepted() + cards.accepted();
        }
    }
}
