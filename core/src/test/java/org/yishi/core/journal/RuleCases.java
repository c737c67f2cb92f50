package org.yishi.core.journal;

import static org.yishi.core.journal.ConformanceJournal.APPROVAL;
import static org.yishi.core.journal.ConformanceJournal.KEY_ROTATION;
import static org.yishi.core.journal.ConformanceJournal.LOGIN;
import static org.yishi.core.journal.ConformanceJournal.LOGOUT;
import static org.yishi.core.journal.ConformanceJournal.OFFLINE_END;
import static org.yishi.core.journal.ConformanceJournal.OFFLINE_START;
import static org.yishi.core.journal.ConformanceJournal.POLICY_UPDATE;
import static org.yishi.core.journal.ConformanceJournal.RATING;
import static org.yishi.core.journal.ConformanceJournal.RATING_SHIFT2;
import static org.yishi.core.journal.ConformanceJournal.REFUND_OF_CARD;
import static org.yishi.core.journal.ConformanceJournal.REGISTRY_UPDATE;
import static org.yishi.core.journal.ConformanceJournal.REPRINT_1;
import static org.yishi.core.journal.ConformanceJournal.REPRINT_2;
import static org.yishi.core.journal.ConformanceJournal.SALE_CARD;
import static org.yishi.core.journal.ConformanceJournal.SALE_MANUAL_OFFLINE;
import static org.yishi.core.journal.ConformanceJournal.SALE_QR;
import static org.yishi.core.journal.ConformanceJournal.SALE_SHIFT2;
import static org.yishi.core.journal.ConformanceJournal.SALE_WALK_IN;
import static org.yishi.core.journal.ConformanceJournal.SHIFT1_CLOSE;
import static org.yishi.core.journal.ConformanceJournal.SHIFT1_OPEN;
import static org.yishi.core.journal.ConformanceJournal.SHIFT2_CLOSE;
import static org.yishi.core.journal.ConformanceJournal.SHIFT2_OPEN;
import static org.yishi.core.journal.ConformanceJournal.STAFF_LONG_DETAIL;
import static org.yishi.core.journal.ConformanceJournal.TILL_START;
import static org.yishi.core.journal.ConformanceJournal.VOID_OF_QR;
import static org.yishi.core.journal.ProblemKind.BAD_HASH_CHAIN;
import static org.yishi.core.journal.ProblemKind.BAD_REFERENCE;
import static org.yishi.core.journal.ProblemKind.BAD_SIGNATURE;
import static org.yishi.core.journal.ProblemKind.DUPLICATE_SALE;
import static org.yishi.core.journal.ProblemKind.INVALID_PAYLOAD;
import static org.yishi.core.journal.ProblemKind.OUT_OF_ORDER_EVENT;
import static org.yishi.core.journal.ProblemKind.SEQUENCE_GAP;
import static org.yishi.core.journal.ProblemKind.TOTALS_MISMATCH;
import static org.yishi.core.journal.ProblemKind.UNKNOWN_KEY;
import static org.yishi.core.journal.ProblemKind.WRONG_TILL;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cases of §9 steps 3 to 12: records that read well and are correctly signed and chained, each breaking one rule
 * of the journal. Each is the honest day with one record edited (or removed, repeated, replaced, added), signed
 * again by the key its body names, the records after it re-chained and re-signed, and cut {@link ConformanceSuite#TAIL}
 * records after the broken one.
 */
final class RuleCases {

    private final List<String> day;
    private final List<ConformanceCase> cases = new ArrayList<>();

    private RuleCases(List<String> day) {
        this.day = day;
    }

    static List<ConformanceCase> of(List<String> day) {
        RuleCases c = new RuleCases(day);
        c.chain();
        c.keys();
        c.payloads();
        c.order();
        c.references();
        c.totals();
        return c.cases;
    }

    private void chain() {
        add("wrong-till", "3", WRONG_TILL, SALE_WALK_IN, "§4: the same tillId in every record",
                Tamper.edit(day, SALE_WALK_IN, b -> b.put(JournalFormat.FIELD_TILL_ID, "GZ-ZC-002")));
        cases.add(ConformanceCase.invalid("record-deleted", "4", SEQUENCE_GAP, REPRINT_2 + 1, REPRINT_2,
                "§4: seq without gaps (record 12 taken out; the rest re-chained)", Tamper.bytes(cut(Tamper.delete(day, REPRINT_2), REPRINT_2))));
        List<String> repeated = new ArrayList<>(day);
        repeated.add((int) REPRINT_2, day.get((int) REPRINT_2 - 1));
        cases.add(ConformanceCase.invalid("record-repeated", "4", SEQUENCE_GAP, REPRINT_2, REPRINT_2 + 1,
                "§4: seq = previous + 1 (record 12 appears twice)", Tamper.bytes(cut(repeated, REPRINT_2 + 1))));
        List<String> swapped = new ArrayList<>(day);
        java.util.Collections.swap(swapped, (int) REPRINT_2 - 1, (int) REPRINT_2);
        cases.add(ConformanceCase.invalid("records-swapped", "4", SEQUENCE_GAP, REPRINT_2 + 1, REPRINT_2,
                "§4: line n holds seq n (records 12 and 13 swapped)", Tamper.bytes(cut(swapped, REPRINT_2 + 1))));
        add("prev-not-previous-hash", "5", BAD_HASH_CHAIN, REPRINT_2, "§5: prev is the SHA-256 of the previous body",
                Tamper.edit(day, REPRINT_2, b -> b.put(JournalFormat.FIELD_PREV, Tamper.hashOf(day.get((int) VOID_OF_QR - 1)))));
        add("genesis-prev-not-zero", "5", BAD_HASH_CHAIN, TILL_START, "§4: prev of seq 1 is 64 zeros",
                Tamper.edit(day, TILL_START, b -> b.put(JournalFormat.FIELD_PREV, "0".repeat(63) + "1")));
        add("first-record-not-till-start", "6", OUT_OF_ORDER_EVENT, TILL_START, "§6/§9 step 6: record 1 is TILL_START",
                Tamper.replace(day, TILL_START, RecordType.POLICY_UPDATE, payloadOf(POLICY_UPDATE)));
        add("second-till-start", "6", OUT_OF_ORDER_EVENT, REPRINT_2, "§9 step 6: no TILL_START but record 1",
                Tamper.replace(day, REPRINT_2, RecordType.TILL_START, payloadOf(TILL_START)));
    }

    private void keys() {
        add("journal-of-another-key", "7", UNKNOWN_KEY, TILL_START,
                "§6 trust: with pinned keys TILL_START must announce one (journal made from scratch with key C)", resignedWithC());
        add("till-start-signed-by-another-key", "7", UNKNOWN_KEY, TILL_START,
                "§9 step 7: TILL_START's body keyId is the key it announces (signed by key B)",
                Tamper.edit(day, TILL_START, b -> b.put(JournalFormat.FIELD_KEY_ID, ConformanceKeys.B.keyId())));
        add("record-signed-by-unknown-key", "7", UNKNOWN_KEY, REPRINT_2, "§6: every record is signed by the key in force (key C)",
                Tamper.edit(day, REPRINT_2, b -> b.put(JournalFormat.FIELD_KEY_ID, ConformanceKeys.C.keyId())));
        add("rotation-signed-by-new-key", "7", UNKNOWN_KEY, KEY_ROTATION, "§6: KEY_ROTATION is signed by the old key",
                Tamper.edit(day, KEY_ROTATION, b -> b.put(JournalFormat.FIELD_KEY_ID, ConformanceKeys.B.keyId())));
        add("retired-key-signs-after-rotation", "7", UNKNOWN_KEY, SHIFT2_OPEN, "§6: the old key never signs again after KEY_ROTATION",
                Tamper.edit(day, SHIFT2_OPEN, b -> b.put(JournalFormat.FIELD_KEY_ID, ConformanceKeys.A.keyId())));
        add("body-changed-signature-kept", "8", BAD_SIGNATURE, SALE_CARD, "§5: the signature covers the body (receiptNo changed)",
                Tamper.editKeepingSignature(day, SALE_CARD, b -> Forger.payload(b).put("receiptNo", "R-0009")));
        add("signed-by-another-key", "8", BAD_SIGNATURE, REPRINT_2, "§5: Ed25519 by the key in force (key C signed; body names key A)",
                Tamper.signWith(day, REPRINT_2, ConformanceKeys.C));
        add("signature-of-another-record", "8", BAD_SIGNATURE, REPRINT_2, "§5: the signature is over this body (record 11's signature)",
                withSignatureOf(REPRINT_2, REPRINT_1));
    }

    private void payloads() {
        payload("null-for-absent-payment-ref", "§7: a member only present when set is left out (never null)", SALE_CARD, p -> p.put("paymentRef", null));
        payload("null-for-absent-registry-mode", "§7 REGISTRY_UPDATE: mode is left out when absent (never null)", REGISTRY_UPDATE, p -> p.put("mode", null));
        payload("code-upper-case", "§7 codes: [a-z][a-z0-9_]{0-63} (paymentMethod Cash)", SALE_CARD, p -> p.put("paymentMethod", "Cash"));
        payload("code-emoji", "§7 codes: ASCII only (a funder written as an emoji)", SALE_CARD,
                p -> listOfMaps(p.get("funderShares")).get(0).put("funder", ConformanceJournal.RICE));
        payload("closed-list-identification", "§7 closed lists: identification (face)", SALE_CARD, p -> p.put("identification", "face"));
        payload("closed-list-channel", "§7 closed lists: channel (takeaway)", SALE_CARD, p -> p.put("channel", "takeaway"));
        payload("closed-list-grant-role", "§7 closed lists: provider grant role (canteen)", SALE_CARD,
                p -> listOfMaps(p.get("providerGrants")).get(0).put("role", "canteen"));
        payload("closed-list-staff-action", "§7 closed lists: STAFF action (coffee_break)", LOGIN, p -> p.put("action", "coffee_break"));
        payload("closed-list-registry-mode", "§7 closed lists: REGISTRY_UPDATE mode (partial)", REGISTRY_UPDATE, p -> p.put("mode", "partial"));
        payload("detail-201-code-points", "§7 STAFF: detail at most 200 code points (201 astral characters = 402 UTF-16 units)",
                STAFF_LONG_DETAIL, p -> p.put("detail", ConformanceJournal.RICE.repeat(201)));
        payload("copay-not-price-minus-subsidy", "§7 SALE: copayFen = priceFen − subsidyFen", SALE_CARD, p -> p.put("copayFen", 200L));
        payload("items-do-not-add-up", "§7 SALE: priceFen = Σ items lineTotalFen", SALE_CARD, p -> {
            Map<String, Object> item = listOfMaps(p.get("items")).get(0);
            item.put("unitPriceFen", 1300L);
            item.put("lineTotalFen", 1300L);
        });
        payload("full-card-uid", "§7 SALE: cardUidLast4 is 4 upper-case hex (never the full UID)", SALE_CARD,
                p -> p.put("cardUidLast4", "04A1B2C37F3A"));
        payload("payload-member-unknown", "§7: no other members (note added to SHIFT_OPEN)", SHIFT1_OPEN, p -> p.put("note", "x"));
        payload("payload-member-missing", "§7: all members listed are required (SHIFT_OPEN without cashier)", SHIFT1_OPEN,
                p -> p.remove("cashier"));
        payload("quoted-at-minus-zero-offset", "§7 SALE: quotedAt in the time form of §4 (not -00:00)", SALE_QR,
                p -> p.put("quotedAt", "2025-03-03T03:05:00.000-00:00"));
        payload("rating-6", "§7 SATISFACTION: rating 1-5", RATING, p -> p.put("rating", 6L));
        add("till-start-key-id-not-its-key", "7", INVALID_PAYLOAD, TILL_START, "§9 step 7: TILL_START's keyId is the id of its publicKey",
                Tamper.editPayload(day, TILL_START, p -> p.put("keyId", ConformanceKeys.B.keyId())));
        payload("rotation-key-id-not-its-key", "§7 KEY_ROTATION: newKeyId is the id of newPublicKey", KEY_ROTATION,
                p -> p.put("newKeyId", ConformanceKeys.C.keyId()));
        payload("rotation-to-key-in-force", "§6: KEY_ROTATION to the key in force", KEY_ROTATION,
                p -> p.putAll(KeyRotationPayload.of(ConformanceKeys.A.publicKey(), "scheduled yearly rotation").toPayload()));
        payload("totals-zero-entry", "§8: entries whose value is 0 are left out of the totals objects", SHIFT1_CLOSE,
                p -> asMap(asMap(p.get("shift")).get("copayByPaymentMethod")).put("alipay", 0L));
        payload("totals-rating-key", "§8: ratings keys are 1 to 5 (here 6)", SHIFT1_CLOSE,
                p -> asMap(asMap(p.get("grand")).get("ratings")).put("6", 1L));
        String later = JournalFormat.formatTime(timeOf(LOGOUT).plus(Duration.ofSeconds(61)));
        add("rotation-back-to-retired-key", "9", INVALID_PAYLOAD, LOGOUT + 1, "§6: KEY_ROTATION back to a key the journal used before",
                Tamper.append(day, RecordType.KEY_ROTATION, KeyRotationPayload.of(ConformanceKeys.A.publicKey(), "back again").toPayload(),
                        later, ConformanceKeys.B));
    }

    private void order() {
        Map<String, Object> lateSale = payloadOf(SALE_SHIFT2);
        lateSale.put("receiptNo", "R-0007");
        add("sale-outside-shift", "10", OUT_OF_ORDER_EVENT, LOGOUT, "§9 step 10: SALE only in an open shift",
                Tamper.replace(day, LOGOUT, RecordType.SALE, lateSale));
        Map<String, Object> lateRefund = payloadOf(REFUND_OF_CARD);
        add("refund-outside-shift", "10", OUT_OF_ORDER_EVENT, LOGOUT, "§9 step 10: REFUND only in an open shift",
                Tamper.replace(day, LOGOUT, RecordType.REFUND, lateRefund));
        order("sale-names-another-shift", "§9 step 10: SALE names the open shift", SALE_SHIFT2, p -> p.put("shiftNo", 1L));
        add("second-shift-open", "10", OUT_OF_ORDER_EVENT, APPROVAL, "§7 SHIFT_OPEN: only when no shift is open",
                Tamper.replace(day, APPROVAL, RecordType.SHIFT_OPEN, new ShiftOpenPayload(2, "1002", 0).toPayload()));
        order("shift-number-not-increasing", "§7 SHIFT_OPEN: shiftNo greater than every earlier one", SHIFT2_OPEN, p -> p.put("shiftNo", 1L));
        add("shift-close-without-open-shift", "10", OUT_OF_ORDER_EVENT, LOGOUT, "§9 step 10: SHIFT_CLOSE only for the open shift",
                Tamper.replace(day, LOGOUT, RecordType.SHIFT_CLOSE, payloadOf(SHIFT2_CLOSE)));
        add("offline-start-while-offline", "10", OUT_OF_ORDER_EVENT, SALE_MANUAL_OFFLINE, "§7: OFFLINE_START only while online",
                Tamper.replace(day, SALE_MANUAL_OFFLINE, RecordType.OFFLINE_START, payloadOf(OFFLINE_START)));
        add("offline-end-while-online", "10", OUT_OF_ORDER_EVENT, STAFF_LONG_DETAIL, "§7: OFFLINE_END only while offline",
                Tamper.replace(day, STAFF_LONG_DETAIL, RecordType.OFFLINE_END, payloadOf(OFFLINE_END)));
        add("receipt-number-reused", "10", DUPLICATE_SALE, SALE_SHIFT2, "§7 SALE: receiptNo unique in the journal",
                Tamper.editPayload(day, SALE_SHIFT2, p -> p.put("receiptNo", "R-0001")));
        add("bill-id-reused", "10", DUPLICATE_SALE, SALE_SHIFT2, "§7 SALE: at most one SALE per billId (the first was voided)",
                Tamper.editPayload(day, SALE_SHIFT2, p -> p.put("billId", ConformanceJournal.BILL_ID)));
    }

    private void references() {
        reference("void-of-non-sale", "§7 VOID: originalSeq is a SALE (here a STAFF record)", VOID_OF_QR, p -> p.put("originalSeq", APPROVAL));
        reference("void-of-later-record", "§9 step 11: originalSeq is an earlier record", VOID_OF_QR, p -> p.put("originalSeq", 12L));
        Map<String, Object> secondReversal = payloadOf(VOID_OF_QR);
        secondReversal.put("shiftNo", 2L);
        secondReversal.put("cashier", "1002");
        add("sale-reversed-twice", "11", BAD_REFERENCE, REFUND_OF_CARD, "§7: a sale is reversed at most once (REFUND of the voided sale)",
                Tamper.replace(day, REFUND_OF_CARD, RecordType.REFUND, secondReversal));
        reference("reversal-not-copying-sale", "§7 VOID: copied members equal the sale's (paymentMethod)", VOID_OF_QR,
                p -> p.put("paymentMethod", "cash"));
        reference("reprint-count-wrong", "§7 REPRINT: reprintCount = earlier reprints + 1", REPRINT_2, p -> p.put("reprintCount", 3L));
        reference("reprint-of-non-receipt", "§7 REPRINT: of a SALE or VOID or REFUND (here a STAFF record)", REPRINT_1,
                p -> p.put("originalSeq", APPROVAL));
        reference("sale-rated-twice", "§7 SATISFACTION: each sale at most once", RATING_SHIFT2, p -> p.put("saleSeq", SALE_CARD));
        reference("rating-of-non-sale", "§7 SATISFACTION: of a SALE (here a VOID)", RATING, p -> p.put("saleSeq", VOID_OF_QR));
        reference("offline-end-names-another-record", "§7 OFFLINE_END: names the open OFFLINE_START", OFFLINE_END,
                p -> p.put("offlineSinceSeq", SALE_WALK_IN));
        reference("shift-close-from-seq", "§7 SHIFT_CLOSE: fromSeq is the shift's SHIFT_OPEN", SHIFT1_CLOSE, p -> p.put("fromSeq", LOGIN));
        reference("shift-close-to-seq", "§7 SHIFT_CLOSE: toSeq = seq − 1", SHIFT1_CLOSE, p -> p.put("toSeq", OFFLINE_END));
        reference("shift-close-last-hash", "§7 SHIFT_CLOSE: lastHash = prev", SHIFT1_CLOSE,
                p -> p.put("lastHash", Tamper.hashOf(day.get((int) OFFLINE_END - 1))));
    }

    private void totals() {
        add("shift-totals-wrong", "12", TOTALS_MISMATCH, SHIFT1_CLOSE, "§8: SHIFT_CLOSE.shift recomputes (subsidyFen + 100)",
                Tamper.editPayload(day, SHIFT1_CLOSE, p -> asMap(p.get("shift")).merge("subsidyFen", 100L, (a, b) -> (Long) a + (Long) b)));
        add("grand-totals-wrong", "12", TOTALS_MISMATCH, SHIFT2_CLOSE, "§8: SHIFT_CLOSE.grand recomputes (one sale more)",
                Tamper.editPayload(day, SHIFT2_CLOSE, p -> asMap(p.get("grand")).merge("sales", 1L, (a, b) -> (Long) a + (Long) b)));
        List<String> altered = Tamper.editPayload(day, SALE_CARD, RuleCases::dearerMeal);
        cases.add(ConformanceCase.invalid("sale-altered-before-z-report", "12", TOTALS_MISMATCH, SHIFT1_CLOSE, SHIFT1_CLOSE,
                "§11: a sale altered even by the key holder shows at the next SHIFT_CLOSE (price 1200 → 1500)",
                Tamper.bytes(cut(altered, SHIFT1_CLOSE))));
    }

    /** The honest day's valid variants that show what only an outside anchor can catch (§11), and those anchored. */
    static List<ConformanceCase> anchored(List<String> day) {
        List<ConformanceCase> out = new ArrayList<>();
        String lastHash = Tamper.hashOf(day.get(day.size() - 1));
        List<String> cutOff = Tamper.upTo(day, RATING_SHIFT2 - 1);
        out.add(ConformanceCase.valid("valid-tail-cut-off", "§11: a journal cut after any record is a valid shorter journal (no anchor)", cutOff));
        out.add(ConformanceCase.invalid("tail-cut-off-anchored", "end", ProblemKind.MISSING_RECORDS, RATING_SHIFT2, RATING_SHIFT2,
                "§9 end: the journal ends before the anchor's seq (anchor at the last record)", Tamper.bytes(cutOff)).withAnchor(day.size(), lastHash));
        List<String> rewritten = Tamper.editPayload(day, LOGOUT, p -> p.put("staffNo", "1003"));
        out.add(ConformanceCase.valid("valid-tail-rewritten-by-key-holder",
                "§11: records after the last SHIFT_CLOSE are protected only by an outside anchor (the LOGOUT re-signed)", rewritten));
        out.add(ConformanceCase.invalid("tail-rewritten-anchored", "end", ProblemKind.ANCHOR_MISMATCH, LOGOUT, LOGOUT,
                "§9 end: the record at the anchor's seq has another hash", Tamper.bytes(rewritten)).withAnchor(day.size(), lastHash));
        List<String> openShift = Tamper.editPayload(Tamper.upTo(day, RATING_SHIFT2), SALE_SHIFT2, RuleCases::dearerMeal);
        out.add(ConformanceCase.valid("valid-open-shift-altered-by-key-holder",
                "§11: a sale in the open shift (no SHIFT_CLOSE after it) altered and re-signed by the key holder", openShift));
        out.add(ConformanceCase.invalid("empty-journal", "end", ProblemKind.MISSING_RECORDS, 1, 1,
                "§9 end: an empty journal (the first missing seq is 1)", new byte[0]));
        return out;
    }

    private static void dearerMeal(Map<String, Object> sale) {
        Map<String, Object> item = listOfMaps(sale.get("items")).get(0);
        item.put("unitPriceFen", 1500L);
        item.put("lineTotalFen", 1500L);
        sale.put("priceFen", 1500L);
        sale.put("copayFen", 400L);
    }

    private void payload(String name, String rule, long seq, Consumer<Map<String, Object>> edit) {
        add(name, "9", INVALID_PAYLOAD, seq, rule, Tamper.editPayload(day, seq, edit));
    }

    private void order(String name, String rule, long seq, Consumer<Map<String, Object>> edit) {
        add(name, "10", OUT_OF_ORDER_EVENT, seq, rule, Tamper.editPayload(day, seq, edit));
    }

    private void reference(String name, String rule, long seq, Consumer<Map<String, Object>> edit) {
        add(name, "11", BAD_REFERENCE, seq, rule, Tamper.editPayload(day, seq, edit));
    }

    private void add(String name, String step, ProblemKind kind, long seq, String rule, List<String> lines) {
        cases.add(ConformanceCase.invalid(name, step, kind, seq, rule, cut(lines, seq)));
    }

    private static List<String> cut(List<String> lines, long seq) {
        return Tamper.upTo(lines, seq + ConformanceSuite.TAIL);
    }

    /** The whole day as someone with key C would forge it: TILL_START announcing C, and C signing until the rotation. */
    private List<String> resignedWithC() {
        List<String> out = new ArrayList<>();
        for (String line : day) {
            Map<String, Object> body = Forger.body(line);
            if (ConformanceKeys.A.keyId().equals(body.get(JournalFormat.FIELD_KEY_ID))) {
                body.put(JournalFormat.FIELD_KEY_ID, ConformanceKeys.C.keyId());
            }
            if (RecordType.TILL_START.name().equals(body.get(JournalFormat.FIELD_TYPE))) {
                body.put(JournalFormat.FIELD_PAYLOAD, new java.util.TreeMap<>(TillStartPayload.of(ConformanceKeys.C.publicKey()).toPayload()));
            }
            out.add(Tamper.sign(CanonicalJson.write(body), ConformanceKeys.C));
        }
        return Tamper.rechainFrom(out, 0, JournalFormat.GENESIS_PREV);
    }

    private List<String> withSignatureOf(long seq, long from) {
        List<String> out = new ArrayList<>(day);
        String other = day.get((int) from - 1);
        out.set((int) seq - 1, other.substring(0, other.indexOf(' ')) + " " + Tamper.bodyOf(day.get((int) seq - 1)));
        return out;
    }

    private Map<String, Object> payloadOf(long seq) {
        return Forger.payload(Forger.body(day.get((int) seq - 1)));
    }

    private OffsetDateTime timeOf(long seq) {
        return OffsetDateTime.parse((String) Forger.body(day.get((int) seq - 1)).get(JournalFormat.FIELD_TIME));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
