package org.yishi.till.checkout;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.yishi.cardreader.qr.QrKeys;
import org.yishi.cardreader.qr.QrTokenIssuer;
import org.yishi.cardreader.qr.QrTokenVerifier;
import org.yishi.config.demo.DemoStaff;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.config.registry.PinHasher;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.SubsidyEngine;
import org.yishi.core.time.ManualClock;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.content.ReceiptContext;
import org.yishi.receipts.content.ReceiptTexts;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.layout.PaperWidth;
import org.yishi.receipts.print.PrintQueue;
import org.yishi.receipts.print.PrintQueueSettings;
import org.yishi.receipts.print.ScreenOutput;
import org.yishi.till.demo.DemoQueue;
import org.yishi.till.demo.DemoTillData;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.staff.ApprovalResult;
import org.yishi.till.staff.ApprovalUse;
import org.yishi.till.staff.StaffFixture;
import org.yishi.till.staff.StaffRegistry;
import org.yishi.till.staff.StaffService;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;

/**
 * A demo till at lunchtime on a Monday, on real parts (H2, journal, engine, receipts, print queue to the screen),
 * with a fixed cashier and an open shift, for the counter's tests.
 */
final class CounterFixture implements AutoCloseable {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String CASHIER = "1001";
    static final String SUPERVISOR = "2001";

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:40:00Z"), SHANGHAI);
    final Path registry;
    final TillDataDirectory data;
    final TillStore store;
    final Policy policy;
    final Canteen canteen;
    final ScreenOutput screen = new ScreenOutput();
    final PrintQueue queue;
    final KeyPair qrKey = QrKeys.generate();
    final QrTokenIssuer issuer;
    final List<DemoQueue.Customer> customers;
    final StaffService staff;
    final CheckoutCounter counter;
    long shiftNo = 1;

    CounterFixture(Path dir) {
        Path policies = Path.of("..", "policies");
        registry = dir.resolve("registry");
        DemoTillData.ensureRegistry(registry, 400);
        data = new TillDataDirectory(dir.resolve("till"));
        store = TillStore.open(data, DemoTillData.TILL_ID, clock);
        DemoTillData.install(store, registry, policies, "test");
        policy = new PolicyLoader().load(policies.resolve(DemoTillData.POLICY_ID_FILE));
        canteen = store.menus().findCanteen(DemoTillData.CANTEEN_ID).orElseThrow();
        customers = DemoQueue.build(registry, canteen, 12);
        queue = new PrintQueue(screen, PrintQueueSettings.DEFAULTS, clock);
        issuer = new QrTokenIssuer(qrKey.getPrivate(), "k1", clock);
        QrTokenVerifier verifier = new QrTokenVerifier(Map.of("k1", qrKey.getPublic()), clock, Duration.ofMinutes(2),
                uid -> store.registry().findElderByCardUid(uid).map(e -> e.card()));
        ReceiptContext context = new ReceiptContext(canteen.name(), canteen.phone(), DemoTillData.TILL_ID,
                Map.of(), SHANGHAI);
        ReceiptDesk desk = new ReceiptDesk(new ReceiptRenderer(ReceiptTexts.forLanguage("zh"),
                PrinterProfile.generic(PaperWidth.ofMillimetres(80))), context, queue);
        Path staffCsv = dir.resolve("staff.csv");
        DemoStaff.writeCsv(staffCsv, new PinHasher(4));
        new StaffRegistry(store).importCsv(staffCsv, "test");
        staff = new StaffService(store, clock, StaffFixture.FAST);
        staff.login(CASHIER, "1234".toCharArray());
        store.journal().append(new ShiftOpenPayload(shiftNo, CASHIER, 50_000));
        counter = new CheckoutCounter(store, DemoTillData.TILL_ID, canteen, policy, clock, new SubsidyEngine(), verifier,
                new FixedContext(), desk, CheckoutMessages.forLanguage("zh"));
    }

    /** The supervisor approves {@code action} for the cashier, through the staff service as at the till. */
    Approval approval(ApprovalAction action) {
        ApprovalResult r = staff.approve(SUPERVISOR, "9999".toCharArray(), action, null);
        return ((ApprovalResult.Approved) r).approval();
    }

    /** Confirms the bill and expects a sale. */
    SaleResult sell(CheckoutStep.Ready ready, Payment payment) {
        ConfirmOutcome outcome = counter.confirm(ready, payment);
        if (!(outcome instanceof ConfirmOutcome.Sold sold)) {
            throw new AssertionError("expected a sale, got " + outcome);
        }
        return sold.sale();
    }

    String card(String why) {
        return customers.stream().filter(c -> c.why().equals(why)).findFirst().orElseThrow().cardUid();
    }

    private final class FixedContext implements SellingContext {
        @Override
        public UsageCount checkUsage(String elderId, java.time.LocalDate day) {
            return UsageCount.OWN_TILL;
        }

        @Override
        public Optional<String> cashierNo() {
            return Optional.of(CASHIER);
        }

        @Override
        public String displayName(String staffNo) {
            return staffNo.equals(CASHIER) ? "李梅" : staffNo.equals(SUPERVISOR) ? "王建国" : staffNo;
        }

        @Override
        public OptionalLong openShiftNo() {
            return store.journal().openShiftNo();
        }

        @Override
        public boolean offline() {
            return false;
        }

        @Override
        public ApprovalUse useApproval(Approval approval, ApprovalAction action) {
            return staff.use(approval, action);
        }
    }

    @Override
    public void close() {
        queue.close();
        store.close();
    }
}
