package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.ProviderRole;
import org.yishi.core.subsidy.AppliedRule;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.ProviderGrant;
import org.yishi.core.subsidy.Quote;

class JournalPayloadTest {

    private static final SalePayload SALE = SampleJournal.zengchengSale("R-1", 1, "E1", IdentificationMethod.CARD, "7F3A", null, "cash", false);

    /** Writes through canonical JSON and reads back, as the journal does. */
    private static JournalPayload roundTrip(JournalPayload p) {
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) StrictJsonParser.parse(CanonicalJson.write(p.toPayload()));
        return JournalPayload.of(p.type(), parsed);
    }

    @Test
    void everyPayloadSurvivesTheRoundTrip() {
        TillKeys keys = TillKeys.generate();
        Totals totals = new Totals(3, 1, 0, 2, 2400, 2200, 200, new java.util.TreeMap<>(Map.of("city", 2200L)),
                new java.util.TreeMap<>(Map.of("cash", 200L)), new java.util.TreeMap<>(Map.of("operator:city", 400L)),
                new java.util.TreeMap<>(Map.of("4", 1L)));
        List<JournalPayload> all = List.of(
                TillStartPayload.of(keys.publicKey()),
                KeyRotationPayload.of(TillKeys.generate().publicKey(), "yearly"),
                new ShiftOpenPayload(1, "c", 20000),
                SALE,
                SampleJournal.walkIn("R-2", 1),
                ReversalPayload.voiding(4, SALE, 1, "c", "s", "wrong dish"),
                ReversalPayload.refunding(4, SALE, 2, "c", "s", "ill"),
                new ReprintPayload(4, 1, "c", "jam"),
                new ShiftClosePayload(1, "s", 3, 9, "ab".repeat(32), null, totals, totals),
                new SatisfactionPayload(4, 4, "c"),
                new PolicyUpdatePayload("p", "1", "cd".repeat(32)),
                new PolicyUpdatePayload("p", "2", "cd".repeat(32), List.of(new CalendarDigest("cn", 2026, "aa".repeat(32)),
                        new CalendarDigest("cn", 2027, "bb".repeat(32)))),
                new RegistryUpdatePayload("2025-03", "ef".repeat(32), 1234, org.yishi.core.elder.RegistryMode.FULL),
                new RegistryUpdatePayload("2025-03", "ef".repeat(32), 1234, null),
                new OfflineStartPayload("timeout"),
                new OfflineEndPayload(10),
                new StaffPayload("2001", StaffAction.APPROVAL, "void", "1001", "sale seq 4"),
                new RefusedIdentificationPayload(IdentificationMethod.CARD, "card_lost", "3F2A", "E1", "c"));
        assertThat(all).extracting(JournalPayload::type).containsOnly(RecordType.values());
        for (JournalPayload p : all) {
            assertThat(roundTrip(p)).as(p.type().name()).isEqualTo(p);
        }
    }

    @Test
    void aPolicyUpdateWithoutCalendarsHasNoCalendarsMemberAndOneWithThemListsEachYearSorted() {
        assertThat(new PolicyUpdatePayload("p", "1", "cd".repeat(32)).toPayload()).doesNotContainKey("calendars");
        Map<String, Object> m = new PolicyUpdatePayload("p", "1", "cd".repeat(32),
                List.of(new CalendarDigest("cn", 2026, "aa".repeat(32)))).toPayload();
        assertThat(CanonicalJson.write(m.get("calendars")))
                .isEqualTo("[{\"calendar\":\"cn\",\"contentSha256\":\"" + "aa".repeat(32) + "\",\"year\":2026}]");
        assertThatThrownBy(() -> new PolicyUpdatePayload("p", "1", "cd".repeat(32), List.of(new CalendarDigest("cn", 2027, "aa".repeat(32)),
                new CalendarDigest("cn", 2026, "bb".repeat(32))))).hasMessageContaining("sorted");
        assertThatThrownBy(() -> new PolicyUpdatePayload("p", "1", "cd".repeat(32), List.of(new CalendarDigest("cn", 2026, "aa".repeat(32)),
                new CalendarDigest("cn", 2026, "bb".repeat(32))))).hasMessageContaining("twice");
        assertThatThrownBy(() -> new CalendarDigest("CN", 2026, "aa".repeat(32))).hasMessageContaining("calendar");
    }

    @Test
    void aPolicyUpdateWithAnEmptyOrNullCalendarsMemberIsRefused() {
        Map<String, Object> base = new java.util.TreeMap<>(new PolicyUpdatePayload("p", "1", "cd".repeat(32)).toPayload());
        base.put("calendars", List.of());
        assertThatThrownBy(() -> JournalPayload.of(RecordType.POLICY_UPDATE, base))
                .isInstanceOf(InvalidPayloadException.class).hasMessageContaining("calendars").hasMessageContaining("empty");
        base.put("calendars", null);
        assertThatThrownBy(() -> JournalPayload.of(RecordType.POLICY_UPDATE, base))
                .isInstanceOf(InvalidPayloadException.class).hasMessageContaining("null");
        base.put("calendars", List.of(Map.of("calendar", "cn", "year", 2026L, "contentSha256", "xyz")));
        assertThatThrownBy(() -> JournalPayload.of(RecordType.POLICY_UPDATE, base))
                .isInstanceOf(InvalidPayloadException.class).hasMessageContaining("contentSha256");
    }

    @Test
    void saleFieldsAreWrittenAsDocumented() {
        Map<String, Object> m = SALE.toPayload();
        assertThat(m).containsOnlyKeys("receiptNo", "shiftNo", "cashier", "elderId", "identification", "cardUidLast4",
                "approvedBy", "channel", "mealSlot", "items", "priceFen", "subsidyFen", "copayFen", "funderShares",
                "providerGrants", "ruleIds", "policyId", "policyVersion", "paymentMethod", "offline");
        assertThat(m).containsEntry("identification", "card").containsEntry("channel", "dine_in")
                .containsEntry("approvedBy", null).containsEntry("copayFen", 100L);
        assertThat(CanonicalJson.write(m.get("providerGrants")))
                .isEqualTo("[{\"fen\":200,\"funder\":\"city\",\"role\":\"operator\",\"ruleId\":\"op-meal\"}]");
    }

    @Test
    void builderCopiesTheEnginesQuote() {
        Quote quote = new Quote("sz", "2025.1", 1500, 1500, 1500, 0,
                List.of(new FunderShare("city", 1500)),
                List.of(new AppliedRule("sz-priority", "优先", "meal", 1500, 1500, List.of(new FunderShare("city", 1500)), 0),
                        new AppliedRule("sz-general", "一般", "meal", 500, 0, List.of(), 0)),
                List.of(new ProviderGrant("sz-op", ProviderRole.OPERATOR, "city", 200)), OptionalInt.empty(), Optional.empty());
        SalePayload sale = SalePayload.builder().receiptNo("R").shiftNo(1).cashier("c").elderId("E")
                .identification(IdentificationMethod.QR).channel(Channel.DINE_IN)
                .item(SaleItem.of("M", "午餐", 1, 1500)).quote(quote).paymentMethod("none").build();
        assertThat(sale.ruleIds()).containsExactly("sz-priority");
        assertThat(sale.subsidyFen()).isEqualTo(1500);
        assertThat(sale.copayFen()).isZero();
        assertThat(sale.policyVersion()).isEqualTo("2025.1");
        assertThat(sale.amounts().providerGrants()).hasSize(1);
    }

    @Test
    void inconsistentSalesAreRejectedNamingTheProblem() {
        var base = SalePayload.builder().receiptNo("R").shiftNo(1).cashier("c").elderId("E")
                .identification(IdentificationMethod.CARD).cardUidLast4("00FF").item(SaleItem.of("M", "午餐", 1, 1200))
                .policy("p", "1").paymentMethod("cash").ruleIds(List.of("r"));
        assertThatThrownBy(() -> base.amounts(1200, 1100, 200).funderShares(List.of(new FunderShare("city", 1100))).build())
                .hasMessageContaining("copayFen 200 is not priceFen 1200 − subsidyFen 1100");
        assertThatThrownBy(() -> base.amounts(1200, 1100, 100).funderShares(List.of(new FunderShare("city", 1000))).build())
                .hasMessageContaining("funderShares add up to 1000, not subsidyFen 1100");
        assertThatThrownBy(() -> base.amounts(1300, 1100, 200).funderShares(List.of(new FunderShare("city", 1100))).build())
                .hasMessageContaining("items add up to 1200 fen, not priceFen 1300");
        assertThatThrownBy(() -> base.amounts(1200, 1300, -100).build()).hasMessageContaining("exceeds priceFen");
        assertThatThrownBy(() -> base.amounts(1200, 0, 1200).funderShares(List.of()).cardUidLast4(null).build())
                .hasMessageContaining("cardUidLast4 is required");
        assertThatThrownBy(() -> base.cardUidLast4("04A1B2C3").build()).hasMessageContaining("4 upper-case hex");
        assertThatThrownBy(() -> base.cardUidLast4("00FF").identification(IdentificationMethod.MANUAL).build())
                .hasMessageContaining("approvedBy (required for manual identification)");
        assertThatThrownBy(() -> base.identification(IdentificationMethod.WALK_IN).build())
                .hasMessageContaining("walk_in sale has no elderId");
        assertThatThrownBy(() -> SaleItem.of("M", "x", 0, 100)).hasMessageContaining("quantity must be at least 1");
        assertThatThrownBy(() -> new SaleItem("M", "x", 2, 100, 100)).hasMessageContaining("not quantity 2 × unitPriceFen 100");
    }

    @Test
    void anExternalPaymentCarriesItsReferenceAndACashSaleHasNoSuchField() {
        SalePayload wechat = SalePayload.builder().receiptNo("R-2").shiftNo(1).cashier("c")
                .identification(IdentificationMethod.WALK_IN).item(SaleItem.of("M", "午餐", 1, 1200))
                .amounts(1200, 0, 1200).policy("p", "1").paymentMethod("wechat").paymentRef("4200001234567890").build();

        assertThat(wechat.toPayload()).containsEntry("paymentRef", "4200001234567890");
        assertThat(roundTrip(wechat)).isEqualTo(wechat);
        assertThat(SALE.toPayload()).doesNotContainKey("paymentRef");
        assertThat(roundTrip(SALE)).isEqualTo(SALE);
        assertThatThrownBy(() -> SalePayload.builder().receiptNo("R-3").shiftNo(1).cashier("c")
                .identification(IdentificationMethod.WALK_IN).item(SaleItem.of("M", "午餐", 1, 1200))
                .amounts(1200, 0, 1200).policy("p", "1").paymentMethod("wechat").paymentRef("a b").build())
                .hasMessageContaining("paymentRef must be 4-64");
    }

    @Test
    void aSaleSaysHowItsLimitsWereCountedOnlyWhenTheTillHasAServer() {
        SalePayload.Builder online = SalePayload.builder().receiptNo("R-4").shiftNo(1).cashier("c")
                .identification(IdentificationMethod.WALK_IN).item(SaleItem.of("M", "午餐", 1, 1200))
                .amounts(1200, 0, 1200).policy("p", "1").paymentMethod("cash").usageCheck("online");
        SalePayload sale = online.build();
        assertThat(sale.toPayload()).containsEntry("usageCheck", "online");
        assertThat(roundTrip(sale)).isEqualTo(sale);
        assertThat(SALE.toPayload()).as("a till without a server writes nothing: older records hash unchanged").doesNotContainKey("usageCheck");
        assertThatThrownBy(() -> online.usageCheck("remote").build()).hasMessageContaining("usageCheck must be online or local");
        Map<String, Object> withNull = new HashMap<>(SALE.toPayload());
        withNull.put("usageCheck", null);
        assertThatThrownBy(() -> JournalPayload.of(RecordType.SALE, withNull)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void strictReadingNamesMissingUnknownAndIllTypedFields() {
        Map<String, Object> m = new HashMap<>(SALE.toPayload());
        m.remove("offline");
        assertThatThrownBy(() -> JournalPayload.of(RecordType.SALE, m)).hasMessage("SALE.offline: field is missing");
        m.put("offline", "no");
        assertThatThrownBy(() -> JournalPayload.of(RecordType.SALE, m)).hasMessage("SALE.offline: expected true or false, found \"no\"");
        m.put("offline", false);
        m.put("discountFen", 5L);
        assertThatThrownBy(() -> JournalPayload.of(RecordType.SALE, m)).hasMessageStartingWith("SALE.discountFen: unknown field");
        m.remove("discountFen");
        m.put("items", List.of(Map.of("itemId", "M")));
        assertThatThrownBy(() -> JournalPayload.of(RecordType.SALE, m)).hasMessage("SALE.items[0]: fields missing: [lineTotalFen, name, quantity, unitPriceFen]");
        m.put("items", SALE.toPayload().get("items"));
        m.put("identification", "face");
        assertThatThrownBy(() -> JournalPayload.of(RecordType.SALE, m)).isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining("SALE payload: identification must be card, qr, manual or walk_in, found \"face\"");
        Map<String, Object> rating = new HashMap<>(new SatisfactionPayload(4, 5, null).toPayload());
        rating.put("rating", 6L);
        assertThatThrownBy(() -> JournalPayload.of(RecordType.SATISFACTION, rating)).hasMessage("SATISFACTION.rating: must be 1 to 5, found 6");
        assertThatThrownBy(() -> new TillStartPayload("0123456789abcdef", JournalFormat.encodePublicKey(TillKeys.generate().publicKey())))
                .hasMessageContaining("does not belong to the public key");
    }

    @Test
    void totalsAddSalesAndSubtractReversals() {
        JournalTotals t = new JournalTotals();
        t.add(SALE);
        t.add(new ShiftOpenPayload(2, "c", 0));
        Totals afterSale = t.snapshot();
        assertThat(afterSale.subsidyByFunder()).containsEntry("town", 500L);
        assertThat(afterSale.providerGrants()).containsEntry("operator:city", 200L);
        t.add(ReversalPayload.refunding(4, SALE, 1, "c", "s", "r"));
        t.add(new SatisfactionPayload(4, 2, null));
        t.add(new ReprintPayload(4, 1, "c", "r"));
        Totals after = t.snapshot();
        assertThat(after.sales()).isEqualTo(1);
        assertThat(after.refunds()).isEqualTo(1);
        assertThat(after.priceFen()).isZero();
        assertThat(after.subsidyByFunder()).isEmpty();
        assertThat(after.copayByPaymentMethod()).isEmpty();
        assertThat(after.providerGrants()).isEmpty();
        assertThat(after.ratings()).containsExactly(Map.entry("2", 1L));
        assertThat(after.reprints()).isEqualTo(1);
        assertThat(afterSale.firstDifference(after)).isEqualTo("copayByPaymentMethod.cash: recorded 100, recomputed 0");
        assertThat(after.firstDifference(t.snapshot())).isNull();
        assertThatThrownBy(() -> new Totals(0, 0, 0, 0, 0, 0, 0, new java.util.TreeMap<>(Map.of("city", 0L)),
                new java.util.TreeMap<>(), new java.util.TreeMap<>(), new java.util.TreeMap<>()))
                .hasMessageContaining("zero entries are left out");
    }
}
