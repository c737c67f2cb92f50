package org.yishi.till.config;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.yishi.cardreader.pcsc.PcscSettings;
import org.yishi.config.till.TillConfig;
import org.yishi.till.checkout.Till;
import org.yishi.till.checkout.TillSetup;
import org.yishi.till.staff.StaffSettings;

/**
 * A till configuration file turned into the settings of the parts it configures, defaults filled in: what
 * {@code yishi till --config FILE --check} prints and what {@code yishi till --config FILE} opens.
 *
 * @param config          the file as read
 * @param setup           the till's setup (printer target parsed, trusted QR keys read)
 * @param staff           login and approval rules
 * @param pcsc            the PC/SC reader settings, when PC/SC readers are configured and enabled
 * @param customerDisplay whether to open the customer display window
 */
public record ConfiguredTill(TillConfig config, TillSetup setup, StaffSettings staff, Optional<PcscSettings> pcsc,
        boolean customerDisplay) {

    public ConfiguredTill {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(pcsc, "pcsc");
    }

    /** The till's own clock: the system clock in the canteen's zone. */
    public Clock clock() {
        return Clock.system(setup.zone());
    }

    /**
     * Opens the configured till (readers not yet started: the UI starts them once it listens).
     *
     * @throws IllegalStateException when its policy, canteen or menu is not installed yet, saying which
     */
    public Till open(Clock clock) {
        return Till.open(setup, staff, clock);
    }
}
