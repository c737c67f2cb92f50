package org.yishi.till.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
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
import org.yishi.core.journal.StaffAction;
import org.yishi.core.journal.StaffPayload;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.MealSlot;
import org.yishi.core.subsidy.MealWindows;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.Purchase;
import org.yishi.core.subsidy.PurchaseLine;
import org.yishi.core.subsidy.Quote;
import org.yishi.core.subsidy.Refusal;
import org.yishi.core.subsidy.RefusalReason;
import org.yishi.core.subsidy.SubsidyEngine;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.ledger.IndexedSale;
import org.yishi.till.store.ledger.RecordedButNotIndexedException;
import org.yishi.till.store.ledger.SaleCommit;
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
    private final ClockCheck clockCheck;

    CheckoutCounter(TillStore store, String tillId, Canteen canteen, Policy policy, Clock clock, SubsidyEngine engine,
            QrTokenVerifier qrVerifier, SellingContext context, ReceiptDesk receipts, CheckoutMessages messages) {
        this(store, tillId, canteen, policy, clock, engine, qrVerifier, context, receipts, messages, ClockCheck.DEFAULT_TOLERANCE);
    }

    CheckoutCounter(TillStore store, String tillId, Canteen canteen, Policy policy, Clock clock, SubsidyEngine engine,
            QrTokenVerifier qrVerifier, SellingContext context, ReceiptDesk receipts, CheckoutMessages messages,
            Duration clockTolerance) {
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
        if (!clock.getZone().normalized().equals(policy.zone().normalized())) {
            // One zone for quotes, limits and the sales index: a till whose clock counts days in another zone than
            // its policy would put a 00:30 lunch on the wrong day.
            throw new IllegalArgumentException("the till's clock is in " + clock.getZone() + " but policy " + policy.id()
                    + " counts meal times in " + policy.zone());
        }
        this.clockCheck = new ClockCheck(clock, store.journal()::latestRecordTime, clockTolerance);
    }

    /**
     * The policy meal slot the clock is in, if any: the policy's window for a slot, or this canteen's own serving
     * hours for a slot the policy names no window for ({@link MealWindows}).
     */
    public Optional<MealSlot> currentSlot() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(policy.zone()));
        return MealWindows.slotAt(policy, canteen, now.toLocalTime());
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
        return walkInBill(newBillId(), defaultItems());
    }

    private CheckoutStep.Ready walkInBill(String billId, List<MenuItem> items) {
        long price = items.stream().mapToLong(MenuItem::priceFen).sum();
        Quote quote = new Quote(policy.id(), policy.version(), price, 0, 0, price, List.of(), List.of(), List.of(),
                OptionalInt.empty(), Optional.empty());
        return new CheckoutStep.Ready(Optional.empty(), IdentificationMethod.WALK_IN, null, null,
                currentSlot().map(MealSlot::code), items, quote, billId, clock.instant(), UsageCount.OWN_TILL);
    }

    /** The same customer with other items on the bill: quoted again. */
    public CheckoutStep changeItems(CheckoutStep.Ready ready, List<MenuItem> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a bill needs at least one item");
        }
        return requote(ready, items);
    }

    /** The same bill (same id, customer and card) quoted again now, with {@code items}. */
    private CheckoutStep requote(CheckoutStep.Ready ready, List<MenuItem> items) {
        if (ready.walkIn()) {
            return walkInBill(ready.billId(), items);
        }
        String elderId = ready.elder().orElseThrow().elderId();
        Elder elder = store.registry().findElder(elderId).orElseThrow(() -> new IllegalStateException("elder " + elderId + " left the cache"));
        Optional<Card> card = ready.cardUid() == null ? Optional.empty()
                : store.registry().findElderByCardUid(ready.cardUid()).map(IdentifiedElder::card);
        // The bill's own count of other tills stands: a re-quote (inside the journal lock at confirm) never asks the network.
        return quote(ready.billId(), elder, card, ready.identification(), ready.approvedBy(), items, ready.usageCount());
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
     * Makes the sale: the bill is quoted again inside the journal's lock (the time, slot, day or limits may have moved
     * since it was shown); if anything changed nothing is recorded and the new bill comes back to be shown first.
     * Otherwise the SALE — with the bill's id, the receipt number of its own seq and the quote's time — is written and
     * fsynced (the sale exists from then on, whatever the printer does), then the receipt goes to the print queue.
     *
     * <p>Never throws for a business outcome or a failed write: see {@link ConfirmOutcome}.
     */
    public ConfirmOutcome confirm(CheckoutStep.Ready ready, Payment payment) {
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(payment, "payment");
        java.util.OptionalLong shift = context.openShiftNo();
        if (shift.isEmpty()) {
            return new ConfirmOutcome.Refused("no_shift", messages.text("confirm.no_shift"));
        }
        Optional<String> cashier = context.cashierNo();
        if (cashier.isEmpty()) {
            return new ConfirmOutcome.Refused("not_logged_in", messages.text("confirm.not_logged_in"));
        }
        if (payment instanceof Payment.Cash cash && cash.tenderedFen() < ready.quote().copayFen()) {
            return new ConfirmOutcome.Refused("cash_short", messages.text("confirm.cash_short",
                    org.yishi.core.money.Money.ofFen(ready.quote().copayFen()).toString()));
        }
        CheckoutStep.Ready[] changed = new CheckoutStep.Ready[1];
        SaleCommit commit = store.journal().commitSale(ready.billId(), seq -> {
            CheckoutStep again = requote(ready, ready.items());
            if (!(again instanceof CheckoutStep.Ready now) || !sameBill(ready, now)) {
                changed[0] = again instanceof CheckoutStep.Ready r ? r : null;
                return Optional.empty();
            }
            return Optional.of(salePayload(now, payment, receiptNo(seq), shift.getAsLong(), cashier.get()));
        });
        if (commit instanceof SaleCommit.Withdrawn) {
            if (changed[0] == null) {
                // The identity went bad between the quote and the confirm (the card was reported lost meanwhile).
                return new ConfirmOutcome.NotRecorded(messages.text("confirm.identity_changed"), "re-quote refused the identity");
            }
            return new ConfirmOutcome.Requoted(changed[0]);
        }
        if (commit instanceof SaleCommit.NotRecorded not) {
            return new ConfirmOutcome.NotRecorded(messages.text("confirm.not_recorded"), not.reason());
        }
        if (commit instanceof SaleCommit.Unresolved unresolved) {
            return new ConfirmOutcome.Unresolved(messages.text("confirm.unresolved"), unresolved.reason());
        }
        SaleCommit.Recorded recorded = (SaleCommit.Recorded) commit;
        SalePayload payload = recorded.sale();
        long change = payment instanceof Payment.Cash cash ? cash.tenderedFen() - payload.copayFen() : 0;
        RenderedReceipt receipt = receipts.sale(recorded.record(), payload, context.displayName(cashier.get()),
                ready.elder().map(ElderView::maskedName).orElse(null), ready.quote().mealsLeftToday());
        return new ConfirmOutcome.Sold(new SaleResult(recorded.record().seq(), payload.receiptNo(), payload.copayFen(), change,
                receipt, receipts.submit(receipt)));
    }

    /** Whether a re-quote gives the bill the cashier showed: same day, slot, amounts, funders and refusal. */
    private boolean sameBill(CheckoutStep.Ready shown, CheckoutStep.Ready now) {
        Quote a = shown.quote();
        Quote b = now.quote();
        return dayOf(shown.quotedAt()).equals(dayOf(now.quotedAt())) && shown.mealSlot().equals(now.mealSlot())
                && a.priceFen() == b.priceFen() && a.subsidyFen() == b.subsidyFen() && a.copayFen() == b.copayFen()
                && a.funderShares().equals(b.funderShares()) && a.providerGrants().equals(b.providerGrants())
                && a.refusal().map(Refusal::reason).equals(b.refusal().map(Refusal::reason));
    }

    private LocalDate dayOf(Instant instant) {
        return instant.atZone(policy.zone()).toLocalDate();
    }

    private SalePayload salePayload(CheckoutStep.Ready ready, Payment payment, String receiptNo, long shiftNo, String cashier) {
        SalePayload.Builder sale = SalePayload.builder()
                .receiptNo(receiptNo)
                .billId(ready.billId())
                .quotedAt(java.time.OffsetDateTime.ofInstant(ready.quotedAt(), policy.zone()))
                .shiftNo(shiftNo)
                .cashier(cashier)
                .identification(ready.identification())
                .channel(Channel.DINE_IN)
                .mealSlot(ready.mealSlot().orElse(null))
                .quote(ready.quote())
                .paymentMethod(payment.method())
                .offline(context.offline())
                .usageCheck(ready.usageCount().code().orElse(null));
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
        return sale.build();
    }

    /** The seq of the sale with this receipt number, if this till made it. */
    public java.util.OptionalLong saleSeqOf(String receiptNo) {
        List<IndexedSale> found = store.sales().byReceiptNo(receiptNo);
        return found.isEmpty() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(found.get(0).seq());
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
        SalePayload original = (SalePayload) store.journal().read(sale.seq()).orElseThrow().typedPayload();
        ReversalPayload payload = type == RecordType.VOID
                ? ReversalPayload.voiding(sale.seq(), original, shiftNo, cashier, approvedBy, reason)
                : ReversalPayload.refunding(sale.seq(), original, shiftNo, cashier, approvedBy, reason);
        SignedRecord record = appendRecorded(payload);
        RenderedReceipt receipt = receipts.reversal(record, payload, context.displayName(cashier),
                context.displayName(approvedBy), elderNameOf(sale));
        return ReversalResult.done(record.seq(), sale.copayFen(), receipt, receipts.submit(receipt));
    }

    /**
     * Appends a record; one the journal holds but the database could not index counts as written (the index catches
     * up before the next record), so the cashier is never told a written record failed.
     */
    private SignedRecord appendRecorded(org.yishi.core.journal.JournalPayload payload) {
        try {
            return store.journal().append(payload);
        } catch (RecordedButNotIndexedException recorded) {
            return recorded.record();
        }
    }

    /** Prints a sale's receipt again, marked as a reprint with its count, and records that it did. */
    public ReprintResult reprint(long saleSeq, String reason) {
        IndexedSale sale = store.sales().sale(saleSeq)
                .orElseThrow(() -> new IllegalArgumentException("no sale at seq " + saleSeq));
        String staff = context.cashierNo().orElseThrow(() -> new IllegalStateException("nobody is logged in"));
        long count = store.journal().reprintCount(saleSeq) + 1;
        SignedRecord original = store.journal().read(saleSeq).orElseThrow();
        SalePayload originalSale = (SalePayload) original.typedPayload();
        ReprintPayload payload = new ReprintPayload(saleSeq, count, staff, reason == null || reason.isBlank() ? "reprint" : reason);
        SignedRecord record = appendRecorded(payload);
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
        // Asked once per bill, as the elder arrives: the server's count of other tills lands in the store before the quote.
        UsageCount usage = context.checkUsage(elder.id(), LocalDateTime.ofInstant(clock.instant(), policy.zone()).toLocalDate());
        return quote(newBillId(), elder, card, how, approvedBy, defaultItems(), usage);
    }

    private CheckoutStep quote(String billId, Elder elder, Optional<Card> card, IdentificationMethod how, String approvedBy,
            List<MenuItem> items, UsageCount usage) {
        Instant quotedAt = clock.instant();
        LocalDateTime now = LocalDateTime.ofInstant(quotedAt, policy.zone());
        // Outside every meal window the purchase names no slot: the engine refuses the subsidy (OUTSIDE_MEAL_WINDOW)
        // and the bill is the full price.
        Optional<String> slot = currentSlot().map(MealSlot::code);
        List<PurchaseLine> lines = items.stream()
                .map(i -> new PurchaseLine(i.id(), i.name(), i.priceFen(), 1, i.subsidyEligible())).toList();
        Purchase purchase = new Purchase(canteen, lines, now, Channel.DINE_IN, slot, card);
        // This till's sales and what the server reported of other tills: a lunch at another canteen counts too.
        var history = store.limitHistory().around(elder.id(), now.toLocalDate());
        Quote quote = engine.quote(policy, elder, purchase, history);
        Optional<Refusal> untrustedClock = clockCheck.refusal();
        if (untrustedClock.isPresent() && quote.refusal().isEmpty()) {
            quote = fullPrice(quote, untrustedClock.get());
        }
        ElderView view = view(elder, card, quote, now);
        Optional<RefusalReason> reason = quote.refusal().map(r -> r.reason());
        if (reason.isPresent() && IDENTITY_REFUSALS.contains(reason.get())) {
            return refused(reason.get().name().toLowerCase(java.util.Locale.ROOT), quote.refusal().get().detail(),
                    Optional.of(view), DISCREET.contains(reason.get()));
        }
        return new CheckoutStep.Ready(Optional.of(view), how, card.map(Card::uid).orElse(null), approvedBy, slot, items, quote,
                billId, quotedAt, usage);
    }

    /** The same purchase with no subsidy, for a refusal the till adds on top of the engine (the clock check). */
    private static Quote fullPrice(Quote q, Refusal why) {
        return new Quote(q.policyId(), q.policyVersion(), q.priceFen(), q.eligiblePriceFen(), 0, q.priceFen(), List.of(),
                List.of(), List.of(), OptionalInt.empty(), Optional.of(why));
    }

    /** Whether subsidies are stopped because the clock reads behind the journal (see {@link #confirmClock}). */
    public Optional<Refusal> clockRefusal() {
        return clockCheck.refusal();
    }

    /**
     * A supervisor confirms the till's clock after it was found set back: journalled as a STAFF clock_confirmed record
     * (which moves the journal's last time to now), after which subsidies resume. The approval is used up; a refused
     * one (expired, used, another action) writes nothing and says why.
     */
    public ApprovalUse confirmClock(Approval approval) {
        String detail = clockCheck.refusal().map(Refusal::detail).orElse("clock confirmed");
        ApprovalUse use = context.useApproval(approval, ApprovalAction.CONFIRM_CLOCK);
        if (use instanceof ApprovalUse.Granted granted) {
            store.journal().append(new StaffPayload(granted.supervisor().staffNo(), StaffAction.CLOCK_CONFIRMED, null, null,
                    detail.length() > 200 ? detail.substring(0, 200) : detail));
        }
        return use;
    }

    /** A new bill's id: random, so two tills (or two runs of one) never give the same one. */
    private static String newBillId() {
        return UUID.randomUUID().toString();
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
