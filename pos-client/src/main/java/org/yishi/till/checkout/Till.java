package org.yishi.till.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.yishi.cardreader.event.ReaderEventHub;
import org.yishi.cardreader.pcsc.PcscSettings;
import org.yishi.cardreader.pcsc.PcscWatcher;
import org.yishi.cardreader.pcsc.SystemPcsc;
import org.yishi.cardreader.qr.QrTokenVerifier;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.policy.Funder;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.SubsidyEngine;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.content.ReceiptContext;
import org.yishi.receipts.content.ReceiptTexts;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.layout.PaperWidth;
import org.yishi.receipts.print.HeldJobDirectory;
import org.yishi.receipts.print.PrintQueue;
import org.yishi.receipts.print.PrintQueueSettings;
import org.yishi.receipts.print.PrinterOutput;
import org.yishi.receipts.print.PrinterOutputs;
import org.yishi.receipts.print.PrinterTimeouts;
import org.yishi.receipts.print.ScreenOutput;
import org.yishi.till.shift.CashCount;
import org.yishi.till.shift.ShiftCloseResult;
import org.yishi.till.shift.ShiftService;
import org.yishi.till.shift.ShiftSettings;
import org.yishi.till.shift.ZReportFormat;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.staff.ApprovalUse;
import org.yishi.till.staff.Staff;
import org.yishi.till.staff.StaffService;
import org.yishi.till.staff.StaffSettings;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.policy.InstalledPolicy;
import org.yishi.till.store.sync.SyncServerState;

/**
 * One running till: its store, staff, shifts, counter, receipts and printer, and the reader event hub its devices
 * publish to. The JavaFX screens talk only to this and what it hands out.
 */
public final class Till implements AutoCloseable {

    private final TillSetup setup;
    private final Clock clock;
    private final TillStore store;
    private final Policy policy;
    private final Canteen canteen;
    private final PrintQueue printQueue;
    private final Optional<ScreenOutput> screen;
    private final ReceiptDesk receipts;
    private final StaffService staff;
    private final ShiftService shifts;
    private final CheckoutCounter counter;
    private final ReaderEventHub readers = new ReaderEventHub();
    private final CheckoutMessages messages;
    private final CheckoutDesk desk;
    private PcscWatcher cardReaders;
    /** The settlement server, once the sync client attaches it; NONE for a stand-alone till. */
    private volatile ServerLink server = ServerLink.NONE;
    private volatile Duration offlineAlertAfter = Duration.ofMinutes(30);

    private Till(TillSetup setup, Clock clock, TillStore store, StaffSettings staffSettings) {
        this.setup = setup;
        this.clock = clock;
        this.store = store;
        LocalDate today = LocalDate.now(clock.withZone(setup.zone()));
        InstalledPolicy installed = store.policies().inForceOn(setup.policyId(), today)
                .orElseThrow(() -> new IllegalStateException("no version of policy " + setup.policyId()
                        + " is installed for " + today + ": install one before selling"));
        // With the calendar years installed beside it: a policy that counts working days names its calendar.
        this.policy = new PolicyLoader().withCalendars(store.calendars().library())
                .parse(installed.policyId() + "-" + installed.version() + ".yaml", installed.yamlText());
        if (!policy.zone().normalized().equals(setup.zone().normalized())) {
            // Quotes, limits and the sales index count days in one zone; a till configured for another than its
            // policy's would put sales near midnight on the wrong day.
            throw new IllegalStateException("the till is configured for time zone " + setup.zone() + " but policy "
                    + policy.id() + " " + policy.version() + " counts meal times in " + policy.zone()
                    + ": set the till's zone to " + policy.zone());
        }
        this.canteen = store.menus().findCanteen(setup.canteenId())
                .orElseThrow(() -> new IllegalStateException("canteen " + setup.canteenId() + " is not in the till's registry"));
        PrinterOutput output = PrinterOutputs.open(setup.printer(), PrinterTimeouts.DEFAULTS);
        this.screen = output instanceof ScreenOutput s ? Optional.of(s) : Optional.empty();
        this.printQueue = new PrintQueue(output, PrintQueueSettings.DEFAULTS, clock,
                Optional.of(new HeldJobDirectory(setup.dataDir().resolve("print-held"))));
        try {
            this.receipts = receiptDesk(setup, store, policy, canteen, printQueue);
            this.staff = new StaffService(store, clock, staffSettings);
            this.shifts = new ShiftService(store, clock, ShiftSettings.defaults(), staff,
                    new ZReportFormat(receipts.renderer(), receipts.context(), this::ruleName));
            this.messages = CheckoutMessages.forLanguage(setup.language());
            QrTokenVerifier qr = new QrTokenVerifier(setup.trustedQrKeys(), clock, Duration.ofMinutes(2),
                    uid -> store.registry().findElderByCardUid(uid).map(e -> e.card()));
            this.counter = new CheckoutCounter(store, setup.tillId(), canteen, policy, clock, new SubsidyEngine(), qr,
                    new Context(), receipts, messages);
            this.desk = new CheckoutDesk(counter, messages);
        } catch (RuntimeException e) {
            // The print queue's worker thread would outlive a till that failed to open.
            printQueue.close();
            throw e;
        }
    }

    private static ReceiptDesk receiptDesk(TillSetup setup, TillStore store, Policy policy, Canteen canteen, PrintQueue printQueue) {
        Map<String, String> funderNames = new LinkedHashMap<>();
        for (Funder f : policy.funders()) {
            funderNames.put(f.code(), f.name());
        }
        ReceiptContext context = new ReceiptContext(canteen.name(), canteen.phone(), setup.tillId(), funderNames, setup.zone());
        ReceiptRenderer renderer = new ReceiptRenderer(ReceiptTexts.forLanguage(setup.language()),
                PrinterProfile.generic(PaperWidth.ofMillimetres(setup.paperMm())));
        return new ReceiptDesk(renderer, context, printQueue);
    }

    /** Opens the till in {@code setup.dataDir()}; the policy, canteen and menu must have been installed. */
    public static Till open(TillSetup setup, Clock clock) {
        return open(setup, StaffSettings.defaults(), clock);
    }

    /**
     * Opens the till in {@code setup.dataDir()} with the login rules of its configuration file; the policy, canteen
     * and menu must have been installed.
     *
     * @throws IllegalStateException saying what is not installed yet
     */
    public static Till open(TillSetup setup, StaffSettings staffSettings, Clock clock) {
        Objects.requireNonNull(staffSettings, "staffSettings");
        return open(setup, clock, staffSettings, store -> { });
    }

    /**
     * Opens the till after {@code prepare} has had the store (to install demo data on first use, for example).
     * The store is closed again if anything fails.
     */
    static Till open(TillSetup setup, Clock clock, Consumer<TillStore> prepare) {
        return open(setup, clock, StaffSettings.defaults(), prepare);
    }

    private static Till open(TillSetup setup, Clock clock, StaffSettings staffSettings, Consumer<TillStore> prepare) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(clock, "clock");
        // One zone for everything the till counts in days: the store's sales index, quotes, limits, receipts.
        Clock zoned = clock.withZone(setup.zone());
        TillStore store = TillStore.open(new TillDataDirectory(setup.dataDir()), setup.tillId(), zoned);
        try {
            prepare.accept(store);
            return new Till(setup, zoned, store, staffSettings);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public StaffService staff() {
        return staff;
    }

    public ShiftService shifts() {
        return shifts;
    }

    public CheckoutCounter counter() {
        return counter;
    }

    /** The counter as the cashier works it: the open bill and the next customer waiting (window, demo, script). */
    public CheckoutDesk desk() {
        return desk;
    }

    public ReceiptDesk receipts() {
        return receipts;
    }

    /** The print queue: its state for the status bar, retry and reprint after the cashier fixed the printer. */
    public PrintQueue printer() {
        return printQueue;
    }

    /** The on-screen "printer" when the till has no printer configured. */
    public Optional<ScreenOutput> screenPrinter() {
        return screen;
    }

    /** Where card readers, scanners and the simulated card panel publish. */
    public ReaderEventHub readers() {
        return readers;
    }

    /**
     * Imports a registry export (elders and cards) into the open till, journalled as REGISTRY_UPDATE: what the sync
     * client does when the server sends a new registry, and the simulation every month.
     */
    public org.yishi.till.store.registry.RegistryCsvImporter.Result importRegistry(java.nio.file.Path registryDir, String version) {
        return store.importRegistry(org.yishi.till.store.registry.RegistryExport.in(registryDir),
                org.yishi.config.category.CategoryVocabulary.standard(), version);
    }

        /** What opening the store found and did (recovery, rebuild, quarantine). */
    public org.yishi.till.store.TillStoreOpenReport openReport() {
        return store.openReport();
    }

    public Canteen canteen() {
        return canteen;
    }

    /** The till's store, for the background sync (it runs on its own thread; the store is safe for that). */
    public TillStore store() {
        return store;
    }

    public Policy policy() {
        return policy;
    }

    public String tillId() {
        return setup.tillId();
    }

    public TillSetup setup() {
        return setup;
    }

    public Clock clock() {
        return clock;
    }

    public CheckoutMessages messages() {
        return messages;
    }

    /**
     * Starts watching the PC/SC card readers (docs/pcsc-readers.md): taps and reader states arrive on
     * {@link #readers()}. With no reader or no pcscd the watcher reports that as status events and keeps trying,
     * so this is safe to call on every till; calling it again does nothing.
     */
    public synchronized void startCardReaders(PcscSettings settings) {
        if (cardReaders == null) {
            cardReaders = new PcscWatcher(new SystemPcsc(), settings, readers, clock).start();
        }
    }

    /**
     * Closes the open shift with the counted cash and prints the Z-report; on an enrolled till the result says how many
     * records the server has not yet acknowledged.
     *
     * @throws org.yishi.till.shift.ShiftCloseRefusedException if there is a variance and no supervisor approved it
     */
    public ShiftCloseResult closeShift(CashCount counted, Optional<Approval> varianceApproval) {
        ShiftCloseResult result = shifts.close(counted, varianceApproval);
        receipts.submit(result.zReport());
        if (server == ServerLink.NONE) {
            return result;
        }
        return result.withUnacknowledged(Math.max(0, store.journal().lastSeq() - store.syncServer().read().acknowledgedSeq()));
    }

    /**
     * Attaches the till's settlement server (the sync client, when the till is enrolled): the checkout asks it for other
     * tills' meals before a quote, and the status bar reports the connection, alerting when the till has been offline
     * longer than {@code offlineAlertAfter}. A link that is {@link AutoCloseable} is closed with the till.
     */
    public void attach(ServerLink link, Duration offlineAlertAfter) {
        this.server = Objects.requireNonNull(link, "link");
        this.offlineAlertAfter = Objects.requireNonNull(offlineAlertAfter, "offlineAlertAfter");
    }

    /** The data side of the status bar and the diagnostics screen. */
    public TillStatus status() {
        long last = store.journal().lastSeq();
        String policyName = policy.id() + " " + policy.version();
        long elders = store.registry().elderCount();
        long cards = store.registry().cardCount();
        String journalFile = store.journal().file().toString();
        if (server == ServerLink.NONE) {
            return new TillStatus(last, 0, Optional.empty(), policyName, elders, cards, journalFile, TillStatus.Connection.STAND_ALONE,
                    Optional.empty(), Optional.empty(), false);
        }
        SyncServerState.State sync = store.syncServer().read();
        OptionalLong offlineSeq = store.journal().offlineSinceSeq();
        Optional<Instant> offlineSince = offlineSeq.isPresent()
                ? store.journal().readRange(offlineSeq.getAsLong(), offlineSeq.getAsLong()).stream().findFirst().map(r -> r.time().toInstant())
                : Optional.empty();
        boolean alert = offlineSince.map(t -> Duration.between(t, clock.instant()).compareTo(offlineAlertAfter) >= 0).orElse(false);
        return new TillStatus(last, Math.max(0, last - sync.acknowledgedSeq()), sync.lastCompleted(), policyName, elders, cards, journalFile,
                offlineSeq.isPresent() ? TillStatus.Connection.OFFLINE : TillStatus.Connection.ONLINE, offlineSince, sync.lastError(), alert);
    }

    private String ruleName(String ruleId) {
        return policy.rules().stream().filter(r -> r.id().equals(ruleId)).map(r -> r.name()).findFirst().orElse(ruleId);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (cardReaders != null) {
                cardReaders.close();
            }
        }
        printQueue.close();
        if (server instanceof AutoCloseable link) {
            try {
                link.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the server link failed: " + e.getMessage(), e);
            }
        }
        store.close();
    }

    /** The counter's view of who sells: the staff service and the shift service. */
    private final class Context implements SellingContext {
        @Override
        public Optional<String> cashierNo() {
            return staff.locked() ? Optional.empty() : staff.current().map(Staff::staffNo);
        }

        @Override
        public String displayName(String staffNo) {
            return staff.registry().find(staffNo).map(Staff::name).orElse(staffNo);
        }

        @Override
        public OptionalLong openShiftNo() {
            return shifts.openShiftNo();
        }

        @Override
        public ApprovalUse useApproval(Approval approval, ApprovalAction action) {
            return staff.use(approval, action);
        }

        @Override
        public boolean offline() {
            // The journal says: the sync client journals OFFLINE_START when the server cannot be reached and
            // OFFLINE_END when it can again, and a sale in between is flagged offline (docs/journal-format.md).
            return store.journal().offlineSinceSeq().isPresent();
        }

        @Override
        public UsageCount checkUsage(String elderId, java.time.LocalDate day) {
            return server.checkUsage(elderId, day);
        }
    }
}
