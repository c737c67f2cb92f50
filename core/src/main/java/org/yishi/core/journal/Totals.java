package org.yishi.core.journal;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Totals over a range of records, as SHIFT_CLOSE carries them for the shift and for the whole journal. Amounts are
 * net: a VOID or REFUND subtracts what its sale added (so a shift that refunds an earlier shift's sale may show a
 * negative amount). Map entries whose value is 0 are left out, so there is one form for each state.
 *
 * @param sales                SALE records
 * @param voids                VOID records
 * @param refunds              REFUND records
 * @param reprints             REPRINT records
 * @param priceFen             net price, fen
 * @param subsidyFen           net meal subsidy, fen
 * @param copayFen             net copayment, fen
 * @param subsidyByFunder      net meal subsidy per funder code, fen
 * @param copayByPaymentMethod net copayment per payment method code, fen
 * @param providerGrants       net provider grants per {@code role:funder} (e.g. {@code operator:city}), fen
 * @param ratings              SATISFACTION records per rating {@code "1"}..{@code "5"}
 */
public record Totals(long sales, long voids, long refunds, long reprints, long priceFen, long subsidyFen,
        long copayFen, SortedMap<String, Long> subsidyByFunder, SortedMap<String, Long> copayByPaymentMethod,
        SortedMap<String, Long> providerGrants, SortedMap<String, Long> ratings) {

    static final Set<String> FIELDS = Set.of("sales", "voids", "refunds", "reprints", "priceFen", "subsidyFen",
            "copayFen", "subsidyByFunder", "copayByPaymentMethod", "providerGrants", "ratings");

    /** Totals of no records. */
    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0, 0, new TreeMap<>(), new TreeMap<>(),
            new TreeMap<>(), new TreeMap<>());

    public Totals {
        Checks.notNegative("sales", sales);
        Checks.notNegative("voids", voids);
        Checks.notNegative("refunds", refunds);
        Checks.notNegative("reprints", reprints);
        subsidyByFunder = withoutZeros("subsidyByFunder", subsidyByFunder);
        copayByPaymentMethod = withoutZeros("copayByPaymentMethod", copayByPaymentMethod);
        providerGrants = withoutZeros("providerGrants", providerGrants);
        ratings = withoutZeros("ratings", ratings);
        subsidyByFunder.keySet().forEach(funder -> Checks.code("subsidyByFunder key", funder));
        copayByPaymentMethod.keySet().forEach(method -> Checks.code("copayByPaymentMethod key", method));
        for (String key : providerGrants.keySet()) {
            int colon = key.indexOf(':');
            String role = colon < 0 ? "" : key.substring(0, colon);
            if (!role.equals("operator") && !role.equals("delivery")) {
                throw new IllegalArgumentException("providerGrants key must be operator:<funder> or delivery:<funder>, found \"" + key + "\"");
            }
            Checks.code("providerGrants key " + key + " funder", key.substring(colon + 1));
        }
        for (Map.Entry<String, Long> e : ratings.entrySet()) {
            if (!e.getKey().matches("[1-5]") || e.getValue() < 0) {
                throw new IllegalArgumentException("ratings must map \"1\"..\"5\" to counts, found " + e);
            }
        }
    }

    private static SortedMap<String, Long> withoutZeros(String name, Map<String, Long> map) {
        Objects.requireNonNull(map, name);
        TreeMap<String, Long> copy = new TreeMap<>();
        for (Map.Entry<String, Long> e : map.entrySet()) {
            Checks.text(name + " key", e.getKey());
            long v = Objects.requireNonNull(e.getValue(), name + "." + e.getKey());
            if (v == 0) {
                throw new IllegalArgumentException(name + "." + e.getKey() + " is 0: zero entries are left out");
            }
            copy.put(e.getKey(), v);
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    /** SATISFACTION records in total. */
    public long ratingCount() {
        return ratings.values().stream().mapToLong(Long::longValue).sum();
    }

    Map<String, Object> toJson() {
        return PayloadFields.payload("sales", sales, "voids", voids, "refunds", refunds, "reprints", reprints,
                "priceFen", priceFen, "subsidyFen", subsidyFen, "copayFen", copayFen,
                "subsidyByFunder", new TreeMap<>(subsidyByFunder), "copayByPaymentMethod", new TreeMap<>(copayByPaymentMethod),
                "providerGrants", new TreeMap<>(providerGrants), "ratings", new TreeMap<>(ratings));
    }

    static Totals read(PayloadFields f) {
        return new Totals(f.integer("sales"), f.integer("voids"), f.integer("refunds"), f.integer("reprints"),
                f.integer("priceFen"), f.integer("subsidyFen"), f.integer("copayFen"), f.integerMap("subsidyByFunder"),
                f.integerMap("copayByPaymentMethod"), f.integerMap("providerGrants"), f.integerMap("ratings"));
    }

    /**
     * The first field in which {@code recomputed} differs from these (recorded) totals, as
     * "field: recorded X, recomputed Y", or null when they are equal.
     */
    public String firstDifference(Totals recomputed) {
        return firstDifference("", toJson(), recomputed.toJson());
    }

    private static String firstDifference(String path, Map<String, Object> recorded, Map<String, Object> recomputed) {
        TreeMap<String, Object> union = new TreeMap<>(recorded);
        recomputed.forEach(union::putIfAbsent);
        for (String key : union.keySet()) {
            Object a = recorded.get(key);
            Object b = recomputed.get(key);
            if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
                @SuppressWarnings("unchecked")
                String d = firstDifference(path + key + ".", (Map<String, Object>) ma, (Map<String, Object>) mb);
                if (d != null) {
                    return d;
                }
            } else if (!Objects.equals(a, b)) {
                return path + key + ": recorded " + (a == null ? 0 : a) + ", recomputed " + (b == null ? 0 : b);
            }
        }
        return null;
    }
}
