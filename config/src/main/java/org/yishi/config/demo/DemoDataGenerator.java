package org.yishi.config.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.yishi.config.csv.CsvWriter;
import org.yishi.config.registry.ElderRecord;
import org.yishi.config.registry.PinHasher;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.config.registry.RegistryManifest;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.RegistryMode;

/**
 * Writes a realistic, reproducible demo registry for a Guangzhou-like city in the registry CSV formats
 * (a manifest declaring a full export, canteens, elders, cards, menu, the demo staff for every canteen) plus a month of
 * purchases for {@code policy simulate}. Streams elders to disk, so two million elders need little memory; the same
 * options always give the same bytes.
 */
public final class DemoDataGenerator {

    /**
     * @param elders          how many elders (1 .. 5,000,000)
     * @param seed            random seed: same seed, same data
     * @param asOf            the day the registry describes (ages, statuses and card dates are relative to it)
     * @param purchaseMonth   the month of the generated purchases
     * @param purchaseElders  how many of the first elders get a month of purchases (0 for none)
     * @param zone            time zone for card timestamps
     */
    public record Options(int elders, long seed, LocalDate asOf, YearMonth purchaseMonth, int purchaseElders, ZoneId zone) {
        public Options {
            if (elders < 1 || elders > 5_000_000) {
                throw new IllegalArgumentException("--elders must be between 1 and 5000000: " + elders);
            }
            if (purchaseElders < 0) {
                throw new IllegalArgumentException("--purchase-elders must not be negative");
            }
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(purchaseMonth, "purchaseMonth");
            Objects.requireNonNull(zone, "zone");
        }

        /** Defaults: as of 2026-11-01, purchases in October 2026 for up to 2,000 elders, Asia/Shanghai. */
        public static Options of(int elders, long seed) {
            return new Options(elders, seed, LocalDate.of(2026, 11, 1), YearMonth.of(2026, 10), Math.min(elders, 2000),
                    ZoneId.of("Asia/Shanghai"));
        }
    }

    /** What was written. */
    public record Summary(int canteens, int menuItems, int staff, int elders, long cards, int purchases) {
    }

    public static final String PURCHASES_FILE = "purchases.csv";

    public Summary generate(Options options, Path dir) {
        DemoReferenceData data = DemoReferenceData.load();
        CanteenPlan plan = new CanteenPlan(data.towns());
        ElderFactory elders = new ElderFactory(data, options.asOf());
        CardFactory cards = new CardFactory(options.zone(), options.asOf());
        PurchasePlan purchases = new PurchasePlan(plan.canteens(), options.purchaseMonth());
        SplittableRandom random = new SplittableRandom(options.seed());
        long cardCount = 0;
        try {
            Files.createDirectories(dir);
            // the demo registry is a whole registry: a till that imports it drops what it does not list
            RegistryManifest.of(RegistryMode.FULL).write(dir);
            write(dir.resolve(RegistryFormat.CANTEENS.fileName()), csv -> plan.canteens().forEach(RegistryFormat.CANTEENS.writer(csv)));
            write(dir.resolve(RegistryFormat.MENU.fileName()), csv -> plan.menu().forEach(RegistryFormat.MENU.writer(csv)));
            DemoStaff.writeCsv(dir.resolve(RegistryFormat.STAFF.fileName()), new PinHasher(PinHasher.DEFAULT_COST, seededSalts(options.seed())));
            try (Writer ew = Files.newBufferedWriter(dir.resolve(RegistryFormat.ELDERS.fileName()), StandardCharsets.UTF_8);
                 Writer cw = Files.newBufferedWriter(dir.resolve(RegistryFormat.CARDS.fileName()), StandardCharsets.UTF_8)) {
                CsvWriter elderCsv = new CsvWriter(ew);
                CsvWriter cardCsv = new CsvWriter(cw);
                Consumer<ElderRecord> elderOut = RegistryFormat.ELDERS.writer(elderCsv);
                Consumer<Card> cardOut = RegistryFormat.CARDS.writer(cardCsv);
                for (int i = 1; i <= options.elders(); i++) {
                    // Each elder gets its own stream split off the root, so an elder's cards and meals do not
                    // shift every later elder when the card or purchase rules change.
                    SplittableRandom own = random.split();
                    ElderRecord elder = elders.create(i, own);
                    elderOut.accept(elder);
                    for (Card c : cards.create(elder, own)) {
                        cardOut.accept(c);
                        cardCount++;
                    }
                    if (i <= options.purchaseElders()) {
                        purchases.addMealsOf(elder, own);
                    }
                }
                elderCsv.flush();
                cardCsv.flush();
            }
            List<List<String>> rows = purchases.sortedRows();
            write(dir.resolve(PURCHASES_FILE), csv -> {
                csv.row(PurchasePlan.COLUMNS);
                rows.forEach(csv::row);
            });
            return new Summary(plan.canteens().size(), plan.menu().size(), DemoStaff.MEMBERS.size(), options.elders(), cardCount,
                    rows.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo data to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Salts drawn from the seed, so that staff.csv too is the same for the same options. Fine for these hashes only:
     * the demo PINs are public; a real PIN gets a fresh salt ({@link PinHasher#PinHasher(int)}).
     */
    private static SecureRandom seededSalts(long seed) {
        try {
            SecureRandom salts = SecureRandom.getInstance("SHA1PRNG");
            // Seeded before its first output, SHA1PRNG yields this seed's sequence and nothing else.
            salts.setSeed(seed);
            return salts;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA1PRNG", e);
        }
    }

    private static void write(Path file, Consumer<CsvWriter> body) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(w);
            body.accept(csv);
            csv.flush();
        }
    }
}
