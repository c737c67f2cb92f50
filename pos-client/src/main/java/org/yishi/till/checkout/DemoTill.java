package org.yishi.till.checkout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yishi.cardreader.qr.IssuingKeyFile;
import org.yishi.cardreader.qr.QrTokenIssuer;
import org.yishi.cardreader.qr.TrustedKeysFile;
import org.yishi.config.demo.DemoStaff;
import org.yishi.config.registry.PinHasher;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.demo.DemoQueue;
import org.yishi.till.demo.DemoTillData;
import org.yishi.till.staff.StaffRegistry;

/**
 * The demo till of the README's run command: the Zengcheng demo canteen under the shipped Zengcheng policy, the
 * demo registry, the demo staff (docs/staff.md), and a demo QR issuing key — all made on first use under one
 * directory, then reused.
 */
public final class DemoTill {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String POLICY_ID = "guangzhou-zengcheng";
    private static final String QR_KEY_ID = "demo";

    /**
     * One person the demo's simulated card panel can put at the counter.
     *
     * @param why     {@code home_town}, {@code home_district}, {@code other_district}, {@code lost}, {@code deceased},
     *                {@code second_lunch}, {@code walk_in} (the panel's button label key)
     * @param cardUid the card to tap ("" for a walk-in)
     * @param qrToken a signed QR code for the same elder and card, for the regulars
     */
    public record Customer(String why, String cardUid, Optional<String> qrToken) {
    }

    private DemoTill() {
    }

    /** A clock that reads lunchtime (11:30 today, Asia/Shanghai) at start and then runs at the normal rate. */
    public static Clock lunchtimeClock() {
        Clock system = Clock.system(ZONE);
        ZonedDateTime lunch = ZonedDateTime.now(system).with(LocalTime.of(11, 30));
        return Clock.offset(system, Duration.between(Instant.now(system), lunch.toInstant()));
    }

    /**
     * Opens the demo till in {@code dir} (registry/, keys/ and till/ under it), making what is missing.
     *
     * @param policiesDir the shipped policy files
     * @param printer     where receipts go ({@code screen:} for the on-screen preview)
     */
    public static Till open(Path dir, Path policiesDir, Clock clock, String language, PrinterTarget printer) {
        return open(dir, policiesDir, clock, language, printer, imported -> { });
    }

    /** As {@link #open(Path, Path, Clock, String, PrinterTarget)}, telling {@code imported} what a first install imported. */
    public static Till open(Path dir, Path policiesDir, Clock clock, String language, PrinterTarget printer,
            java.util.function.Consumer<List<org.yishi.till.store.registry.ImportReport>> imported) {
        Path registry = dir.resolve("registry");
        DemoTillData.ensureRegistry(registry, 2000);
        Path staffCsv = registry.resolve("staff.csv");
        if (!Files.isRegularFile(staffCsv)) {
            DemoStaff.writeCsv(staffCsv, new PinHasher(PinHasher.DEFAULT_COST));
        }
        Map<String, PublicKey> trusted;
        try {
            trusted = TrustedKeysFile.read(publicKeyFile(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo QR key", e);
        }
        TillSetup setup = new TillSetup(dir.resolve("till"), DemoTillData.TILL_ID, DemoTillData.CANTEEN_ID, POLICY_ID, ZONE,
                printer, 80, trusted, language);
        return Till.open(setup, clock, store -> {
            if (!store.openReport().readyToServe()) {
                imported.accept(DemoTillData.install(store, registry, policiesDir, "demo"));
            }
            StaffRegistry staff = new StaffRegistry(store);
            if (staff.all().isEmpty()) {
                staff.importCsv(staffCsv, "demo");
            }
        });
    }

    /** Who the demo's card panel offers: regulars (with a QR code each), a visitor, a lost card, a deceased elder. */
    public static List<Customer> customers(Path dir, Till till) {
        IssuingKeyFile key = readKey(dir);
        QrTokenIssuer issuer = new QrTokenIssuer(key.key(), QR_KEY_ID, till.clock());
        List<Customer> out = new ArrayList<>();
        for (DemoQueue.Customer c : DemoQueue.build(dir.resolve("registry"), till.canteen(), 8)) {
            Optional<String> qr = Optional.empty();
            if (c.why().startsWith("home_")) {
                qr = till.counter().elderOfCard(c.cardUid())
                        .map(elderId -> issuer.issue(elderId, c.cardUid(), Duration.ofDays(365)));
            }
            out.add(new Customer(c.why(), c.cardUid(), qr));
        }
        return out;
    }

    private static Path publicKeyFile(Path dir) {
        Path keys = dir.resolve("keys");
        Path pub = keys.resolve("qr-issuing-" + QR_KEY_ID + ".pub");
        if (!Files.isRegularFile(pub)) {
            try {
                Files.createDirectories(keys);
                IssuingKeyFile.generate(keys, QR_KEY_ID);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the demo QR key in " + keys, e);
            }
        }
        return pub;
    }

    private static IssuingKeyFile readKey(Path dir) {
        try {
            return IssuingKeyFile.read(dir.resolve("keys").resolve("qr-issuing-" + QR_KEY_ID + ".key"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
