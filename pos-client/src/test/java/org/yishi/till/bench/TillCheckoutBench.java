package org.yishi.till.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.config.demo.DemoDataGenerator;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.checkout.CheckoutStep;
import org.yishi.till.checkout.DemoTill;
import org.yishi.till.checkout.Payment;
import org.yishi.till.checkout.SaleResult;
import org.yishi.till.checkout.Till;
import org.yishi.till.checkout.TillSetup;
import org.yishi.till.staff.DemoStaff;
import org.yishi.till.staff.PinHasher;
import org.yishi.till.staff.StaffRegistry;
import org.yishi.till.store.TillStore;

/**
 * The till's checkout path without its screens, on a registry of {@link BenchData#ELDERS} elders: a card tap to a
 * quote ({@code identify}: card lookup, the month's purchases, the engine), and a tap to a sale made and its receipt
 * handed to the print queue ({@code identifyAndSell}: plus the journal line fsynced, the H2 mirror and index, the
 * receipt laid out and encoded). Receipts go to the on-screen printer, so no printer time is in it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class TillCheckoutBench {

    private static final String POLICY_ID = "guangzhou-zengcheng";
    private Till till;
    private final SplittableRandom random = new SplittableRandom(11);

    @Setup(Level.Trial)
    public void open() throws Exception {
        Path dir = BenchData.benchDir().resolve("till-" + BenchData.ELDERS);
        Path policies = BenchData.benchDir().getParent().getParent().getParent().resolve("policies");
        try (TillStore store = BenchData.tillWithRegistry()) {
            Path demo = BenchData.benchDir().resolve("demo-registry");
            if (!Files.isRegularFile(demo.resolve(RegistryFormat.MENU.fileName()))) {
                new DemoDataGenerator().generate(DemoDataGenerator.Options.of(50, 1), demo);
            }
            if (store.menus().findCanteen("C01").isEmpty()) {
                store.menus().importCanteens(demo.resolve(RegistryFormat.CANTEENS.fileName()));
                store.menus().importMenu(demo.resolve(RegistryFormat.MENU.fileName()));
            }
            if (store.policies().inForceOn(POLICY_ID, LocalDate.now(BenchData.SHANGHAI)).isEmpty()) {
                Path file = policies.resolve("guangzhou-zengcheng-2020.yaml");
                store.installPolicy(new PolicyLoader().load(file), Files.readString(file, StandardCharsets.UTF_8));
            }
            StaffRegistry staff = new StaffRegistry(store);
            if (staff.all().isEmpty()) {
                DemoStaff.writeCsv(demo.resolve("staff.csv"), new PinHasher(PinHasher.DEFAULT_COST));
                staff.importCsv(demo.resolve("staff.csv"), "bench");
            }
        }
        till = Till.open(new TillSetup(dir, "T-BENCH", "C01", POLICY_ID, BenchData.SHANGHAI, new PrinterTarget.Screen(), 80,
                Map.of(), "zh"), DemoTill.lunchtimeClock());
        till.staff().login("1001", "1234".toCharArray());
        if (till.shifts().openShiftNo().isEmpty()) {
            till.shifts().open(0);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        till.close();
    }

    private CheckoutStep tap() {
        long n = 1 + random.nextLong(BenchData.ELDERS);
        return till.counter().identify(new IdentificationEvent.CardTapped(till.clock().instant(), "bench", BenchData.uidOf(n)));
    }

    @Benchmark
    public CheckoutStep identify() {
        return tap();
    }

    @Benchmark
    public SaleResult identifyAndSell() {
        CheckoutStep.Ready ready = (CheckoutStep.Ready) tap();
        return till.counter().confirm(ready, new Payment.Cash(ready.quote().copayFen()));
    }
}
