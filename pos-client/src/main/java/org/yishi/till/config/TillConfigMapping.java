package org.yishi.till.config;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yishi.cardreader.pcsc.ElderFileSpec;
import org.yishi.cardreader.pcsc.PcscSettings;
import org.yishi.cardreader.qr.TrustedKeysFile;
import org.yishi.config.till.TillConfig;
import org.yishi.config.till.TillConfigException;
import org.yishi.config.till.TillConfigLoader;
import org.yishi.config.yaml.Problem;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.checkout.TillSetup;
import org.yishi.till.staff.StaffSettings;

/**
 * Reads a till configuration file and maps it onto the settings records of the modules it configures. The
 * printer target is checked by the receipts module's own parser during loading, so a bad target is reported at its
 * line like every other problem; defaults the file leaves out come from each module's {@code defaults()}.
 */
public final class TillConfigMapping {

    /** Bytes asked of a card's elder-number file: elder numbers are short (as {@code yishi card listen} uses). */
    static final int ELDER_FILE_LENGTH = 32;

    private final TillConfigLoader loader = new TillConfigLoader(TillConfigMapping::printerProblem);

    /**
     * Loads and maps {@code file}.
     *
     * @throws TillConfigException listing every problem, including an unreadable or malformed trusted-keys file
     */
    public ConfiguredTill load(Path file) {
        return map(loader.load(file));
    }

    /**
     * Maps a loaded configuration.
     *
     * @throws TillConfigException when the trusted QR keys file cannot be read or is malformed
     */
    public static ConfiguredTill map(TillConfig config) {
        TillSetup setup = new TillSetup(config.dataDir(), config.tillId(), config.canteenId(), config.policyId(),
                config.zone(), PrinterTarget.parse(config.printer().target()), config.printer().paperMm(),
                trustedKeys(config), config.language());
        return new ConfiguredTill(config, setup, staff(config.staff()), pcsc(config.cardReaders()), config.customerDisplay());
    }

    /** The file's staff section over {@link StaffSettings#defaults()}. */
    static StaffSettings staff(TillConfig.Staff s) {
        StaffSettings d = StaffSettings.defaults();
        return new StaffSettings(s.maxFailedPins().orElse(d.maxFailedAttempts()), s.lockout().orElse(d.lockoutDuration()),
                s.idleLock().orElse(d.idleLockAfter()), s.allowSelfApproval().orElse(d.allowSelfApproval()), d.bcryptCost(),
                s.approvalValid().orElse(d.approvalValidFor()));
    }

    /** The PC/SC section over {@link PcscSettings#defaults()}; empty when absent or disabled. */
    static Optional<PcscSettings> pcsc(TillConfig.CardReaders readers) {
        return readers.pcsc().filter(TillConfig.Pcsc::enabled).map(p -> {
            PcscSettings s = PcscSettings.defaults().withReaderFilter(p.readerFilter()).withUidReversed(p.uidReversed());
            s = p.debounce().map(s::withDebounce).orElse(s);
            return p.elderFileAid().map(aid -> ElderFileSpec.ofHex(aid, ELDER_FILE_LENGTH)).map(s::withElderFile).orElse(s);
        });
    }

    private static Map<String, PublicKey> trustedKeys(TillConfig config) {
        if (config.trustedQrKeys().isEmpty()) {
            return Map.of();
        }
        Path keys = config.trustedQrKeys().get();
        try {
            return TrustedKeysFile.read(keys);
        } catch (IOException | IllegalArgumentException e) {
            // TrustedKeysFile names the keys file and its line; the field path says where that file was named.
            String why = e instanceof IOException ? "cannot read " + keys + ": " + e.getMessage() : e.getMessage();
            String file = config.file().toString();
            throw new TillConfigException(file, List.of(new Problem(file, 0, 0, "qr.trusted_keys", why)), 1);
        }
    }

    private static Optional<String> printerProblem(String target) {
        try {
            PrinterTarget.parse(target);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
