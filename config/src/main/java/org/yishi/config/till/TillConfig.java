package org.yishi.config.till;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One till's configuration file ({@code docs/till-config.md}), read and checked by {@link TillConfigLoader}. Paths
 * are absolute (relative ones in the file are resolved against the file's directory). Settings whose default
 * belongs to the component that uses them (staff lockout, reader debounce) stay empty when the file leaves them
 * out, so there is one place that decides each default.
 *
 * @param file            the configuration file, absolute
 * @param tillId          e.g. {@code GZ-ZC-C01-T1}; written into every journal record and receipt
 * @param canteenId       the canteen this till sells for
 * @param policyId        the subsidy policy in force here
 * @param zone            the canteen's time zone (default Asia/Shanghai)
 * @param language        {@code zh} (default) or {@code en}
 * @param dataDir         the till's data directory (journal, key, H2)
 * @param printer         where receipts go
 * @param cardReaders     the card readers to watch
 * @param trustedQrKeys   the trusted QR issuing keys file ({@code keyId=base64} lines), when QR codes are accepted
 * @param staff           login and approval rules
 * @param customerDisplay whether to open the customer display window (default true)
 */
public record TillConfig(Path file, String tillId, String canteenId, String policyId, ZoneId zone, String language,
        Path dataDir, Printer printer, CardReaders cardReaders, Optional<Path> trustedQrKeys, Staff staff,
        boolean customerDisplay) {

    /** The canteen time zone when the file names none. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public TillConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(canteenId, "canteenId");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(cardReaders, "cardReaders");
        Objects.requireNonNull(trustedQrKeys, "trustedQrKeys");
        Objects.requireNonNull(staff, "staff");
    }

    /**
     * The receipt printer.
     *
     * @param target  {@code tcp://HOST:PORT}, {@code file:/dev/usb/lp0}, {@code cups:QUEUE} or {@code screen:}
     *                (default: no printer, receipts on screen); kept as text because the receipts module owns
     *                the printer target type and config must not depend on it
     * @param paperMm 58 or 80 (default 80)
     */
    public record Printer(String target, int paperMm) {
        /** No printer: receipts shown on the till's screen, 80 mm layout. */
        public static final Printer SCREEN = new Printer("screen:", 80);

        public Printer {
            Objects.requireNonNull(target, "target");
            if (paperMm != 58 && paperMm != 80) {
                throw new IllegalArgumentException("paper must be 58 or 80 mm, not " + paperMm);
            }
        }
    }

    /** The card readers a till watches; none configured means the simulated card panel only. */
    public record CardReaders(Optional<Pcsc> pcsc) {
        public static final CardReaders NONE = new CardReaders(Optional.empty());

        public CardReaders {
            Objects.requireNonNull(pcsc, "pcsc");
        }
    }

    /**
     * PC/SC contactless readers.
     *
     * @param enabled      whether to watch them (default true once the section is there)
     * @param debounce     a re-tap of the same card within this time is ignored (empty: the reader default)
     * @param readerFilter only readers whose name contains this text (empty: every reader)
     * @param uidReversed  the reader reports UID bytes least significant first (default false)
     * @param elderFileAid the canteen application's AID as upper-case hex, for cards that carry an elder number
     */
    public record Pcsc(boolean enabled, Optional<Duration> debounce, String readerFilter, boolean uidReversed,
            Optional<String> elderFileAid) {
        public Pcsc {
            Objects.requireNonNull(debounce, "debounce");
            Objects.requireNonNull(readerFilter, "readerFilter");
            Objects.requireNonNull(elderFileAid, "elderFileAid");
        }
    }

    /**
     * Login and approval rules; empty values take the staff module's defaults.
     *
     * @param idleLock          idle time before the till locks
     * @param maxFailedPins     wrong PINs in a row that lock a staff number out
     * @param lockout           how long that lockout lasts
     * @param allowSelfApproval whether a supervisor may approve their own action
     * @param approvalValid     how long a supervisor's approval may wait to be used
     */
    public record Staff(Optional<Duration> idleLock, Optional<Integer> maxFailedPins, Optional<Duration> lockout,
            Optional<Boolean> allowSelfApproval, Optional<Duration> approvalValid) {
        /** Every value left to the defaults. */
        public static final Staff DEFAULTS = new Staff(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        public Staff {
            Objects.requireNonNull(idleLock, "idleLock");
            Objects.requireNonNull(maxFailedPins, "maxFailedPins");
            Objects.requireNonNull(lockout, "lockout");
            Objects.requireNonNull(allowSelfApproval, "allowSelfApproval");
            Objects.requireNonNull(approvalValid, "approvalValid");
        }
    }
}
