package org.yishi.core.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.yishi.core.policy.Channel;
import org.yishi.core.subsidy.AppliedRule;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.ProviderGrant;
import org.yishi.core.subsidy.Quote;

/**
 * SALE: one meal sold. All money in fen; the subsidy explanation (rules, policy version, funder split) travels with
 * the sale so that the server can recompute it.
 *
 * @param shiftNo        the open shift
 * @param cashier        staff id of the cashier
 * @param identification how the elder was identified
 * @param cardUidLast4   last 4 hex digits of the card UID (required for {@code card}), never the full UID
 * @param approvedBy     supervisor who approved a manual identification (required for {@code manual})
 * @param channel        dine-in or delivery
 * @param mealSlot       meal slot code from the policy (e.g. {@code lunch}), null if none applied
 * @param items          what was sold; prices add up to {@code priceFen}
 * @param ruleIds        rules that granted the subsidy (in stacking order); non-empty when there is a subsidy
 * @param policyId       the policy in force
 * @param policyVersion  its version
 * @param offline        whether the till was offline when it sold
 * @param amounts        receipt number, elder id (null only for a walk-in), price, subsidy, copay, funder shares,
 *                       provider grants, payment method
 * @param paymentRef     the external payment's reference (WeChat/Alipay transaction number, terminal slip number)
 *                       so finance can match it; null for cash. Written only when present, so records from before
 *                       the field existed read and hash unchanged.
 * @param billId         the till's id for the bill the cashier confirmed, given when the bill was first quoted; a
 *                       journal holds at most one SALE per bill id (a second confirm of one bill is refused). Null in
 *                       records from before the field existed; written only when present, like {@code paymentRef}
 * @param quotedAt       when the amounts recorded were quoted (re-quoted inside the journal lock at confirm), in the
 *                       journal's time form; null in older records, written only when present
 * @param refusal        why the sale has no meal subsidy when the engine refused one (its reason in lower case, e.g.
 *                       {@code outside_meal_window}, {@code limit_reached}); null when subsidised, for a walk-in, and
 *                       in older records; written only when present
 * @param usageCheck     how the limits counted the elder's meals at other tills: {@code online} (the settlement
 *                       server answered the till's online check in time, its count was used) or {@code local} (no
 *                       answer in time, or the till was offline: the till's own knowledge was used); null for a till
 *                       without a server, for a walk-in and in older records; written only when present
 */
public record SalePayload(long shiftNo, String cashier, IdentificationMethod identification, String cardUidLast4, String approvedBy, Channel channel, String mealSlot,
        List<SaleItem> items, List<String> ruleIds, String policyId, String policyVersion, boolean offline,
        SaleAmounts amounts, String paymentRef, String billId, String quotedAt, String refusal, String usageCheck)
        implements JournalPayload {

    private static final Pattern LAST4 = Pattern.compile("[0-9A-F]{4}");
    private static final Pattern PAYMENT_REF = Pattern.compile("[A-Za-z0-9_-]{4,64}");
    private static final Pattern BILL_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    /** Fields added after format 1 was first written: absent in older records, written only when present. */
    private static final Set<String> MAY_BE_ABSENT = Set.of("paymentRef", "billId", "quotedAt", "refusal", "usageCheck");
    /** The values of {@code usageCheck}. */
    public static final Set<String> USAGE_CHECKS = Set.of("online", "local");
    private static final Set<String> FIELDS = Set.of("receiptNo", "shiftNo", "cashier", "elderId", "identification",
            "cardUidLast4", "approvedBy", "channel", "mealSlot", "items", "priceFen", "subsidyFen", "copayFen",
            "funderShares", "providerGrants", "ruleIds", "policyId", "policyVersion", "paymentMethod", "offline");

    public SalePayload {
        Checks.positive("shiftNo", shiftNo);
        Checks.text("cashier", cashier);
        Objects.requireNonNull(identification, "identification");
        Objects.requireNonNull(channel, "channel");
        Checks.optionalCode("mealSlot", mealSlot);
        Checks.text("policyId", policyId);
        Checks.text("policyVersion", policyVersion);
        Objects.requireNonNull(amounts, "amounts");
        if (paymentRef != null && !PAYMENT_REF.matcher(paymentRef).matches()) {
            throw new IllegalArgumentException("paymentRef must be 4-64 letters, digits, '-' or '_', found \"" + paymentRef + "\"");
        }
        if (billId != null && !BILL_ID.matcher(billId).matches()) {
            throw new IllegalArgumentException("billId must be 8-64 letters, digits or '-', found \"" + billId + "\"");
        }
        if (quotedAt != null && !isJournalTime(quotedAt)) {
            throw new IllegalArgumentException("quotedAt must be a time in the journal's form (2025-03-03T11:31:04.500+08:00), found \""
                    + quotedAt + "\"");
        }
        Checks.optionalCode("refusal", refusal);
        if (usageCheck != null && !USAGE_CHECKS.contains(usageCheck)) {
            throw new IllegalArgumentException("usageCheck must be online or local, found \"" + usageCheck + "\"");
        }
        items = List.copyOf(items);
        ruleIds = List.copyOf(ruleIds);
        ruleIds.forEach(r -> Checks.text("ruleIds[]", r));
        if (cardUidLast4 != null && !LAST4.matcher(cardUidLast4).matches()) {
            throw new IllegalArgumentException("cardUidLast4 must be 4 upper-case hex digits, found \"" + cardUidLast4 + "\"");
        }
        if (identification == IdentificationMethod.CARD && cardUidLast4 == null) {
            throw new IllegalArgumentException("cardUidLast4 is required when identification is card");
        }
        if (identification == IdentificationMethod.MANUAL) {
            Checks.text("approvedBy (required for manual identification)", approvedBy);
        } else {
            Checks.optionalText("approvedBy", approvedBy);
        }
        if (identification == IdentificationMethod.WALK_IN) {
            if (amounts.elderId() != null) {
                throw new IllegalArgumentException("a walk_in sale has no elderId, found \"" + amounts.elderId() + "\"");
            }
            if (amounts.subsidyFen() != 0 || !amounts.providerGrants().isEmpty()) {
                throw new IllegalArgumentException("a walk_in sale gets no subsidy and no provider grants");
            }
        } else {
            Checks.text("elderId (required unless walk_in)", amounts.elderId());
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a sale needs at least one item");
        }
        long total = 0;
        for (SaleItem item : items) {
            total = Math.addExact(total, item.lineTotalFen());
        }
        if (total != amounts.priceFen()) {
            throw new IllegalArgumentException("items add up to " + total + " fen, not priceFen " + amounts.priceFen());
        }
        if (amounts.subsidyFen() > 0 && ruleIds.isEmpty()) {
            throw new IllegalArgumentException("a subsidised sale must name the rules that granted it (ruleIds is empty)");
        }
    }

    /** A builder, since a sale has many fields; {@link Builder#quote(Quote)} copies the engine's answer. */
    public static Builder builder() {
        return new Builder();
    }

    /** The receipt number printed for the elder. */
    public String receiptNo() {
        return amounts.receiptNo();
    }

    /** The elder's registry id; null for a walk-in. */
    public String elderId() {
        return amounts.elderId();
    }

    public long priceFen() {
        return amounts.priceFen();
    }

    public long subsidyFen() {
        return amounts.subsidyFen();
    }

    private static boolean isJournalTime(String text) {
        if (CanonicalTime.parse(text) != null) {
            return true; // the common case, without the ISO parser and formatter (a verifier reads every sale)
        }
        try {
            return JournalFormat.formatTime(java.time.OffsetDateTime.parse(text)).equals(text);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    public long copayFen() {
        return amounts.copayFen();
    }

    @Override
    public RecordType type() {
        return RecordType.SALE;
    }

    private Map<String, Object> basePayload() {
        List<Object> itemList = new ArrayList<>();
        items.forEach(i -> itemList.add(i.toJson()));
        return PayloadFields.payload("receiptNo", amounts.receiptNo(), "shiftNo", shiftNo, "cashier", cashier,
                "elderId", amounts.elderId(), "identification", identification.code(), "cardUidLast4", cardUidLast4,
                "approvedBy", approvedBy, "channel", channel.code(), "mealSlot", mealSlot, "items", itemList,
                "priceFen", amounts.priceFen(), "subsidyFen", amounts.subsidyFen(), "copayFen", amounts.copayFen(),
                "funderShares", JsonShapes.funderShares(amounts.funderShares()),
                "providerGrants", JsonShapes.providerGrants(amounts.providerGrants()),
                "ruleIds", ruleIds, "policyId", policyId, "policyVersion", policyVersion,
                "paymentMethod", amounts.paymentMethod(), "offline", offline);
    }

    @Override
    public Map<String, Object> toPayload() {
        Map<String, Object> fields = basePayload();
        if (paymentRef == null && billId == null && quotedAt == null && refusal == null && usageCheck == null) {
            return fields;
        }
        java.util.TreeMap<String, Object> withLater = new java.util.TreeMap<>(fields);
        putIfPresent(withLater, "paymentRef", paymentRef);
        putIfPresent(withLater, "billId", billId);
        putIfPresent(withLater, "quotedAt", quotedAt);
        putIfPresent(withLater, "refusal", refusal);
        putIfPresent(withLater, "usageCheck", usageCheck);
        return java.util.Collections.unmodifiableMap(withLater);
    }

    private static void putIfPresent(Map<String, Object> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    static SalePayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS, MAY_BE_ABSENT);
        List<SaleItem> items = new ArrayList<>();
        f.objects("items", SaleItem.FIELDS).forEach(i -> items.add(SaleItem.read(i)));
        String identification = f.text("identification");
        String channel = f.text("channel");
        SaleAmounts amounts = new SaleAmounts(f.text("receiptNo"), f.optionalText("elderId"), f.integer("priceFen"),
                f.integer("subsidyFen"), f.integer("copayFen"), f.funderShares("funderShares"),
                f.providerGrants("providerGrants"), f.text("paymentMethod"));
        return new SalePayload(f.integer("shiftNo"), f.text("cashier"), IdentificationMethod.fromCode(identification), f.optionalText("cardUidLast4"),
                f.optionalText("approvedBy"), Channel.fromCode(channel), f.optionalText("mealSlot"), items,
                f.texts("ruleIds"), f.text("policyId"), f.text("policyVersion"), f.bool("offline"), amounts,
                f.optionalText("paymentRef"), f.optionalText("billId"), f.optionalText("quotedAt"), f.optionalText("refusal"),
                f.optionalText("usageCheck"));
    }

    /** Builds a {@link SalePayload}; unset nullable fields stay null, required ones are checked by the record. */
    public static final class Builder {
        private String receiptNo;
        private long shiftNo;
        private String cashier;
        private String elderId;
        private IdentificationMethod identification;
        private String cardUidLast4;
        private String approvedBy;
        private Channel channel = Channel.DINE_IN;
        private String mealSlot;
        private final List<SaleItem> items = new ArrayList<>();
        private List<String> ruleIds = List.of();
        private String policyId;
        private String policyVersion;
        private boolean offline;
        private long priceFen;
        private long subsidyFen;
        private long copayFen;
        private List<FunderShare> funderShares = List.of();
        private List<ProviderGrant> providerGrants = List.of();
        private String paymentMethod;
        private String paymentRef;
        private String billId;
        private String quotedAt;
        private String refusal;
        private String usageCheck;

        private Builder() {
        }

        public Builder receiptNo(String v) { receiptNo = v; return this; }
        public Builder shiftNo(long v) { shiftNo = v; return this; }
        public Builder cashier(String v) { cashier = v; return this; }
        public Builder elderId(String v) { elderId = v; return this; }
        public Builder identification(IdentificationMethod v) { identification = v; return this; }
        public Builder cardUidLast4(String v) { cardUidLast4 = v; return this; }
        public Builder approvedBy(String v) { approvedBy = v; return this; }
        public Builder channel(Channel v) { channel = v; return this; }
        public Builder mealSlot(String v) { mealSlot = v; return this; }
        public Builder item(SaleItem v) { items.add(v); return this; }
        public Builder ruleIds(List<String> v) { ruleIds = List.copyOf(v); return this; }
        public Builder policy(String id, String version) { policyId = id; policyVersion = version; return this; }
        public Builder offline(boolean v) { offline = v; return this; }
        public Builder paymentMethod(String v) { paymentMethod = v; return this; }
        public Builder paymentRef(String v) { paymentRef = v; return this; }
        public Builder billId(String v) { billId = v; return this; }
        public Builder quotedAt(java.time.OffsetDateTime v) { quotedAt = v == null ? null : JournalFormat.formatTime(v); return this; }
        public Builder refusal(String v) { refusal = v; return this; }
        public Builder usageCheck(String v) { usageCheck = v; return this; }
        public Builder funderShares(List<FunderShare> v) { funderShares = List.copyOf(v); return this; }
        public Builder providerGrants(List<ProviderGrant> v) { providerGrants = List.copyOf(v); return this; }

        /** Price, subsidy and copay in fen (copay must be price − subsidy). */
        public Builder amounts(long price, long subsidy, long copay) {
            priceFen = price;
            subsidyFen = subsidy;
            copayFen = copay;
            return this;
        }

        /** Copies the subsidy engine's answer: amounts, funder shares, provider grants, granting rules, policy. */
        public Builder quote(Quote q) {
            amounts(q.priceFen(), q.subsidyFen(), q.copayFen());
            funderShares = q.funderShares();
            providerGrants = q.providerGrants();
            ruleIds = q.appliedRules().stream().filter(r -> r.subsidyFen() > 0).map(AppliedRule::ruleId).toList();
            refusal = q.refusal().map(r -> r.reason().name().toLowerCase(java.util.Locale.ROOT)).orElse(null);
            return policy(q.policyId(), q.policyVersion());
        }

        public SalePayload build() {
            SaleAmounts amounts = new SaleAmounts(receiptNo, elderId, priceFen, subsidyFen, copayFen, funderShares,
                    providerGrants, paymentMethod);
            return new SalePayload(shiftNo, cashier, identification, cardUidLast4, approvedBy,
                    channel, mealSlot, items, ruleIds, policyId, policyVersion, offline, amounts, paymentRef, billId, quotedAt, refusal,
                    usageCheck);
        }
    }
}
