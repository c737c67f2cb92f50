package org.yishi.till.checkout;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.cardreader.qr.QrTokenVerifier;
import org.yishi.cardreader.qr.QrVerdict;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.canteen.MenuItem;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.Elder;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.RefusedIdentificationPayload;
import org.yishi.core.journal.ReprintPayload;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SatisfactionPayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.MealSlot;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.Purchase;
import org.yishi.core.subsidy.PurchaseLine;
import org.yishi.core.subsidy.Quote;
import org.yishi.core.subsidy.RefusalReason;
import org.yishi.core.subsidy.SubsidyEngine;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.ledger.IndexedSale;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.staff.ApprovalUse;
import org.yishi.till.store.registry.IdentifiedElder;

/**
 * The checkout at one counter: identifies who is there, quotes the bill, and turns a confirmed bill into a durable
 * sale (journal first), a receipt (to the print queue), and — later — its void, refund or reprint.
 *
 * <p>Identity problems (lost, revoked or another elder's card, an elder recorded deceased, an unknown card, a
 * refused QR code) end in {@link CheckoutStep.Refused}: no sale is bound to that identity. Subsidy problems (not
 * eligible, limit reached, outside the meal window) end in a {@link CheckoutStep.Ready} bill at full price whose
 * quote says why: the elder is who they say, and the record of the full-price meal is theirs.
 *
 * <p>Not thread-safe by design: one counter is driven by one cashier from the UI thread.
 */
public final class CheckoutCounter {

    /** Refusals of identity rather than of subsidy: the engine's reasons that end a checkout. */
    private static final Set<RefusalReason> IDENTITY_REFUSALS = Set.of(RefusalReason.ELDER_DECEASED,
            RefusalReason.CARD_LOST, RefusalReason.CARD_REVOKED, RefusalReason.CARD_BLOCKED, RefusalReason.CARD_MISMATCH);
    private static final Set<RefusalReason> DISCREET = Set.of(RefusalReason.CARD_LOST, RefusalReason.CARD_REVOKED);

    private final TillStore store;
    private final String tillId;
    private final Canteen canteen;
    private final Policy policy;
    private final Clock clock;
    private final SubsidyEngine engine;
    private final QrTokenVerifier qrVerifier;
    private final SellingContext context;
    private final ReceiptDesk receipts;
    private final CheckoutMessages messages;

    CheckoutCounter(TillStore store, String tillId, Canteen canteen, Policy policy, Clock clock, SubsidyEngine engine,
            QrTokenVerifier qrVerifier, SellingContext context, ReceiptDesk receipts, CheckoutMessages messages) {
        this.store = Objects.requireNonNull(store, "store");
        this.tillId = Objects.requireNonNull(tillId, "tillId");
        this.canteen = Objects.requireNonNull(canteen, "canteen");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.qrVerifier = Objects.requireNonNull(qrVerifier, "qrVerifier");
        this.context = Objects.requireNonNull(context, "context");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The policy meal slot the clock is in, if any. */
    public Optional<MealSlot> currentSlot() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(policy.zone()));
        return policy.mealSlots().stream().filter(s -> s.contains(now.toLocalTime())).findFirst();
    }

    /** What is on sale now: the current slot's items, or the whole menu outside every slot. */
    public List<MenuItem> menu() {
        List<MenuItem> all = store.menus().currentMenu(canteen.id()).map(m -> m.items()).orElse(List.of());
        Optional<MealSlot> slot = currentSlot();
        if (slot.isEmpty()) {
            return all;
        }
        List<MenuItem> inSlot = all.stream().filter(i -> i.mealSlots().isEmpty() || i.mealSlots().contains(slot.get().code())).toList();
        return inSlot.isEmpty() ? all : inSlot;
    }

    /**
     * A card tap or a QR scan. A refusal is journalled (IDENTIFICATION_REFUSED): a lost card presented, a deceased
     * elder's card used, a forged code — the attempts the settlement server must be able to count.
     */
    public CheckoutStep identify(IdentificationEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof IdentificationEvent.CardTapped tap) {
            CheckoutStep step = store.registry().findElderByCardUid(tap.uid())
                    .<CheckoutStep>map(who -> quoteFor(who.elder(), Optional.of(who.card()), IdentificationMethod.CARD, null))
                    .orElseGet(() -> refused("unknown_card", "card " + tap.uid(), Optional.empty(), false));
            recordIfRefused(step, IdentificationMethod.CARD, tap.uid());
            return step;
        }
        if (event instanceof IdentificationEvent.QrScanned scan) {
            CheckoutStep step = identifyQr(scan.payload());
            recordIfRefused(step, IdentificationMethod.QR, null);
            return step;
        }
        // A manual identification needs the supervisor's checked approval, which an event cannot carry: it goes
        // through identifyManually(elderId, approval).
        throw new IllegalArgumentException("not a card or QR identification: " + event.getClass().getSimpleName()
                + " (manual identifications go through identifyManually with an approval)");
    }

    /** The elder a card belongs to, per the till's registry. */
    public Optional<String> elderOfCard(String cardUid) {
        return store.registry().findElderByCardUid(cardUid).map(who -> who.elder().id());
    }

    /** Full price, no subsidy, no elder. */
    public CheckoutStep walkIn() {
        List<MenuItem> items = defaultItems();
        long price = items.stream().mapToLong(MenuItem::priceFen).sum();
        Quote quote = new Quote(policy.id(), policy.version(), price, 0, 0, price, List.of(), List.of(), List.of(),
                OptionalInt.empty(), Optional.empty());
        return new CheckoutStep.Ready(Optional.empty(), IdentificationMethod.WALK_IN, null, null,
                currentSlot().map(MealSlot::code), items, quote);
    }

    /** The same customer with other items on the bill: quoted again. */
    public CheckoutStep changeItems(CheckoutStep.Ready ready, List<MenuItem> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a bill needs at least one item");
        }
        if (ready.walkIn()) {
            long price = items.stream().mapToLong(MenuItem::priceFen).sum();
            Quote quote = new Quote(policy.id(), policy.version(), price, 0, 0, price, List.of(), List.of(), List.of(),
                    OptionalInt.empty(), Optional.empty());
            return new CheckoutStep.Ready(Optional.empty(), IdentificationMethod.WALK_IN, null, null, ready.mealSlot(), items, quote);
        }
        String elderId = ready.elder().orElseThrow().elderId();
        Elder elder = store.registry().findElder(elderId).orElseThrow(() -> new IllegalStateException("elder " + elderId + " left the cache"));
        Optional<Card> card = ready.cardUid() == null ? Optional.empty()
                : store.registry().findElderByCardUid(ready.cardUid()).map(IdentifiedElder::card);
        return quote(elder, card, ready.identification(), ready.approvedBy(), items);
    }

    /**
     * Elders with exactly this name whose resident ID or phone ends in {@code lastDigits}, for a forgotten card.
     *
     * @throws IllegalArgumentException if {@code lastDigits} is not the last 4 characters of an ID or phone number
     */
    public List<ElderMatch> search(String name, String lastDigits) {
        LocalDate today = LocalDate.now(clock.withZone(policy.zone()));
        return store.registry().searchByName(name, lastDigits).stream()
                .map(e -> new ElderMatch(e.id(), e.maskedName(), e.ageOn(today), e.registeredTown(), e.idLast4()))
                .toList();
    }

    /**
     * A forgotten card: the elder chosen from {@link #search}, approved by a supervisor. The approval is used up here;
     * one the staff service refuses (used, expired, …) ends in {@link CheckoutStep.Refused}.
     */
    public CheckoutStep identifyManually(String elderId, Approval approval) {
        ApprovalUse use = context.useApproval(approval, ApprovalAction.MANUAL_IDENTIFICATION);
        if (use instanceof ApprovalUse.Refused no) {
            return new CheckoutStep.Refused("approval_" + no.reason().code(), messages.approvalRefused(no.reason()), no.detail(),
                    Optional.empty(), false);
        }
        return identifyManually(elderId, ((ApprovalUse.Granted) use).supervisor().staffNo());
    }

    private CheckoutStep identifyManually(String elderId, String approvedBy) {
        return store.registry().findElder(elderId)
                .<CheckoutStep>map(e -> quoteFor(e, Optional.empty(), IdentificationMethod.MANUAL, approvedBy))
                .orElseGet(() -> refused("unknown_elder", "elder " + elderId, Optional.empty(), false));
    }

    /**
     * Makes the sale: the journal line is written and fsynced first (the sale exists from then on, whatever the
     * printer does), then the receipt is rendered and handed to the print queue.
     *
     * @throws IllegalStateException if no shift is open or nobody is logged in
     * @throws IllegalArgumentException if cash handed over is less than the copayment
     */
    public SaleResult confirm(CheckoutStep.Ready ready, Payment payment) {
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(payment, "payment");
        long shiftNo = context.openShiftNo().orElseThrow(() -> new IllegalStateException("no shift is open: open a shift first"));
        String cashier = context.cashierNo().orElseThrow(() -> new IllegalStateException("nobody is logged in"));
        long change = 0;
        if (payment instanceof Payment.Cash cash) {
            if (cash.tenderedFen() < ready.quote().copayFen()) {
                throw new IllegalArgumentException("cash handed over (" + cash.tenderedFen() + " fen) is less than the copayment ("
                        + ready.quote().copayFen() + " fen)");
            }
            change = cash.tenderedFen() - ready.quote().copayFen();
        }
        SalePayload.Builder sale = SalePayload.builder()
                .receiptNo(receiptNo(store.journal().lastSeq() + 1))
                .shiftNo(shiftNo)
                .cashier(cashier)
                .identification(ready.identification())
                .channel(Channel.DINE_IN)
                .mealSlot(ready.mealSlot().orElse(null))
                .quote(ready.quote())
                .paymentMethod(payment.method())
                .offline(context.offline());
        if (payment instanceof Payment.Other other) {
            sale.paymentRef(other.reference());
        }
        ready.items().forEach(i -> sale.item(SaleItem.of(i.id(), i.name(), 1, i.priceFen())));
        ready.elder().ifPresent(e -> sale.elderId(e.elderId()));
        if (ready.cardUid() != null) {
            sale.cardUidLast4(ready.cardUid().substring(ready.cardUid().length() - 4));
        }
        if (ready.approvedBy() != null) {
            sale.approvedBy(ready.approvedBy());
        }
        SalePayload payload = sale.build();
        SignedRecord record = store.journal().commitSale(payload);
        OptionalInt left = ready.quote().mealsLeftToday();
        RenderedReceipt receipt = receipts.sale(record, payload, context.displayName(cashier),
                ready.elder().map(ElderView::maskedName).orElse(null), left);
        return new SaleResult(record.seq(), payload.receiptNo(), ready.quote().copayFen(), change, receipt,
                receipts.submit(receipt));
    }

    /** This shift's sales, newest first. */
    public List<ShiftSale> shiftSales() {
        java.util.OptionalLong shift = context.openShiftNo();
        if (shift.isEmpty()) {
            return List.of();
        }
        List<ShiftSale> sales = new ArrayList<>();
        for (IndexedSale s : store.sales().inShift(shift.getAsLong())) {
            sales.add(ShiftSale.of(s));
        }
        return sales;
    }

    /** Cancels a sale of this shift (the meal was not served), with a supervisor's approval, which it uses up. */
    public ReversalResult voidSale(long saleSeq, Approval approval, String reason) {
        IndexedSale sale = store.sales().sale(saleSeq)
                .orElseThrow(() -> new IllegalArgumentException("no sale at seq " + saleSeq));
        long shiftNo = context.openShiftNo().orElseThrow(() -> new IllegalStateException("no shift is open"));
        if (sale.shiftNo() != shiftNo) {
            return ReversalResult.refused(messages.text("reversal.void_other_shift", sale.receiptNo()));
        }
        return reverse(sale, RecordType.VOID, approval, reason, shiftNo);
    }

    /** Gives back a sale's copayment, naming the original receipt; a sale is refunded at most once. */
    public ReversalResult refund(String receiptNo, Approval approval, String reason) {
        List<IndexedSale> found = store.sales().byReceiptNo(receiptNo);
        if (found.isEmpty()) {
            return ReversalResult.refused(messages.text("reversal.unknown_receipt", receiptNo));
        }
        long shiftNo = context.openShiftNo().orElseThrow(() -> new IllegalStateException("no shift is open"));
        return reverse(found.get(0), RecordType.REFUND, approval, reason, shiftNo);
    }

    /** The approval is used up only when the reversal is about to be written, so a refused reversal does not waste it. */
    private ReversalResult reverse(IndexedSale sale, RecordType type, Approval approval, String reason, long shiftNo) {
        if (sale.voidedBySeq() != null || sale.refundedBySeq() != null) {
            long by = sale.voidedBySeq() != null ? sale.voidedBySeq() : sale.refundedBySeq();
            return ReversalResult.refused(messages.text("reversal.already", sale.receiptNo(), by));
        }
        String cashier = context.cashierNo().orElseThrow(() -> new IllegalStateException("nobody is logged in"));
        ApprovalUse use = context.useApproval(approval, type == RecordType.VOID ? ApprovalAction.VOID : ApprovalAction.REFUND);
        if (use instanceof ApprovalUse.Refused no) {
            return ReversalResult.refused(messages.approvalRefused(no.reason()));
        }
        String approvedBy = ((ApprovalUse.Granted) use).supervisor().staffNo();
        SalePayload original = (SalePayload) store.journal().readFrom(sale.seq()).get(0).typedPayload();
        ReversalPayload payload = type == RecordType.VOID
                ? ReversalPayload.voiding(sale.seq(), original, shiftNo, cashier, approvedBy, reason)
                : ReversalPayload.refunding(sale.seq(), original, shiftNo, cashier, approvedBy, reason);
        SignedRecord record = store.journal().append(payload);
        RenderedReceipt receipt = receipts.reversal(record, payload, context.displayName(cashier),
                context.displayName(approvedBy), elderNameOf(sale));
        return ReversalResult.done(record.seq(), sale.copayFen(), receipt, receipts.submit(receipt));
    }

    /** Prints a sale's receipt again, marked as a reprint with its count, and records that it did. */
    public ReprintResult reprint(long saleSeq, String reason) {
        IndexedSale sale = store.sales().sale(saleSeq)
                .orElseThrow(() -> new IllegalArgumentException("no sale at seq " + saleSeq));
        String staff = context.cashierNo().orElseThrow(() -> new IllegalStateException("nobody is logged in"));
        long count = store.journal().readFrom(saleSeq).stream()
                .filter(r -> r.type() == RecordType.REPRINT && ((ReprintPayload) r.typedPayload()).originalSeq() == saleSeq)
                .count() + 1;
        SignedRecord original = store.journal().readFrom(saleSeq).get(0);
        SalePayload originalSale = (SalePayload) original.typedPayload();
        ReprintPayload payload = new ReprintPayload(saleSeq, count, staff, reason == null || reason.isBlank() ? "reprint" : reason);
        SignedRecord record = store.journal().append(payload);
        RenderedReceipt receipt = receipts.reprint(original, originalSale, context.displayName(originalSale.cashier()),
                record, payload, context.displayName(staff), elderNameOf(sale));
        return new ReprintResult(record.seq(), count, receipt, receipts.submit(receipt));
    }

    /** The elder's satisfaction with a sale: 1 不满意, 2 一般, 3 满意. */
    public void rate(long saleSeq, int score) {
        if (score < 1 || score > 3) {
            throw new IllegalArgumentException("a rating is 1 (不满意), 2 (一般) or 3 (满意), not " + score);
        }
        String staff = context.cashierNo().orElse("customer-display");
        // The journal's scale is 1-5; the three buttons are its 1, 3 and 5.
        store.journal().append(new SatisfactionPayload(saleSeq, score * 2 - 1, staff));
    }

    private void recordIfRefused(CheckoutStep step, IdentificationMethod how, String cardUid) {
        if (step instanceof CheckoutStep.Refused refused) {
            String last4 = cardUid != null && cardUid.length() >= 4 ? cardUid.substring(cardUid.length() - 4) : null;
            store.journal().append(new RefusedIdentificationPayload(how, refused.code(), last4,
                    refused.elder().map(ElderView::elderId).orElse(null), context.cashierNo().orElse(null)));
        }
    }

    private CheckoutStep identifyQr(String payload) {
        QrVerdict verdict = qrVerifier.verify(payload);
        if (verdict instanceof QrVerdict.Refused refused) {
            String code = "qr_" + refused.reason().name().toLowerCase(java.util.Locale.ROOT);
            return new CheckoutStep.Refused(code, messages.qrRefusal(refused.reason()), refused.detail(), Optional.empty(),
                    refused.reason() == org.yishi.cardreader.qr.QrRefusal.CARD_LOST
                            || refused.reason() == org.yishi.cardreader.qr.QrRefusal.CARD_REVOKED);
        }
        QrVerdict.Accepted accepted = (QrVerdict.Accepted) verdict;
        Optional<IdentifiedElder> byCard = accepted.cardUid().flatMap(uid -> store.registry().findElderByCardUid(uid));
        Optional<Elder> elder = byCard.map(IdentifiedElder::elder)
                .or(() -> accepted.elderId().flatMap(id -> store.registry().findElder(id)));
        if (elder.isEmpty()) {
            return refused("unknown_elder", "QR names an elder this till does not know", Optional.empty(), false);
        }
        return quoteFor(elder.get(), byCard.map(IdentifiedElder::card), IdentificationMethod.QR, null);
    }

    private CheckoutStep quoteFor(Elder elder, Optional<Card> card, IdentificationMethod how, String approvedBy) {
        return quote(elder, card, how, approvedBy, defaultItems());
    }

    private CheckoutStep quote(Elder elder, Optional<Card> card, IdentificationMethod how, String approvedBy, List<MenuItem> items) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(policy.zone()));
        Optional<String> slot = currentSlot().map(MealSlot::code);
        List<PurchaseLine> lines = items.stream()
                .map(i -> new PurchaseLine(i.id(), i.name(), i.priceFen(), 1, i.subsidyEligible())).toList();
        Purchase purchase = new Purchase(canteen, lines, now, Channel.DINE_IN, slot.orElse(null), card);
        var history = store.sales().priorPurchasesAround(elder.id(), now.toLocalDate());
        Quote quote = engine.quote(policy, elder, purchase, history);
        ElderView view = view(elder, card, quote, now);
        Optional<RefusalReason> reason = quote.refusal().map(r -> r.reason());
        if (reason.isPresent() && IDENTITY_REFUSALS.contains(reason.get())) {
            return refused(reason.get().name().toLowerCase(java.util.Locale.ROOT), quote.refusal().get().detail(),
                    Optional.of(view), DISCREET.contains(reason.get()));
        }
        return new CheckoutStep.Ready(Optional.of(view), how, card.map(Card::uid).orElse(null), approvedBy, slot, items, quote);
    }

    private ElderView view(Elder elder, Optional<Card> card, Quote quote, LocalDateTime now) {
        int subsidisedToday = (int) store.sales().unreversedSales(elder.id(), now.toLocalDate().atStartOfDay(), now).stream()
                .filter(s -> s.subsidyFen() > 0).count();
        return new ElderView(elder.id(), elder.maskedName(), elder.ageOn(now.toLocalDate()),
                elder.categories().stream().map(Object::toString).toList(), card.map(Card::last4).orElse(""),
                subsidisedToday, quote.mealsLeftToday());
    }

    private CheckoutStep.Refused refused(String code, String detail, Optional<ElderView> elder, boolean discreet) {
        return new CheckoutStep.Refused(code, messages.refusal(code), detail, elder, discreet);
    }

    /** The bill the usual customer gets with one key: the slot's first set meal. */
    private List<MenuItem> defaultItems() {
        List<MenuItem> menu = menu();
        if (menu.isEmpty()) {
            throw new IllegalStateException("canteen " + canteen.id() + " has no menu installed");
        }
        return List.of(menu.stream().filter(MenuItem::subsidyEligible).findFirst().orElse(menu.get(0)));
    }

    private String elderNameOf(IndexedSale sale) {
        return sale.elderId() == null ? null
                : store.registry().findElder(sale.elderId()).map(Elder::maskedName).orElse("***");
    }

    /** Receipt numbers are the till id and the sale's journal sequence number: unique and traceable. */
    private String receiptNo(long seq) {
        return tillId + "-" + String.format("%06d", seq);
    }
}
