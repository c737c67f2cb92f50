package org.yishi.till.checkout;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import org.yishi.receipts.print.PrinterTarget;

/**
 * How one till is set up: where its data lives, which canteen and policy it serves, its printer and the QR issuing
 * keys it trusts.
 *
 * @param dataDir      the till's data directory (journal, key, H2)
 * @param tillId       e.g. {@code GZ-ZC-C01-T1}
 * @param canteenId    the canteen this till sells for
 * @param policyId     the subsidy policy in force here (its installed version for today is used)
 * @param zone         the canteen's time zone
 * @param printer      where receipts go; {@link PrinterTarget.Screen} for none
 * @param paperMm      58 or 80
 * @param trustedQrKeys elder QR issuing keys by key id
 * @param language     {@code zh} (default) or {@code en}
 */
public record TillSetup(Path dataDir, String tillId, String canteenId, String policyId, ZoneId zone,
        PrinterTarget printer, int paperMm, Map<String, PublicKey> trustedQrKeys, String language) {

    public TillSetup {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(canteenId, "canteenId");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(printer, "printer");
        if (paperMm != 58 && paperMm != 80) {
            throw new IllegalArgumentException("paper must be 58 or 80 mm, not " + paperMm);
        }
        trustedQrKeys = Map.copyOf(trustedQrKeys);
        language = language == null ? "zh" : language;
    }
}
