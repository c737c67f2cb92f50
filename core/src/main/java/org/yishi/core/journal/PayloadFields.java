package org.yishi.core.journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yishi.core.policy.ProviderRole;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.ProviderGrant;

/**
 * Typed, strict access to one JSON object of a payload: every documented field must be present (nullable ones
 * as {@code null}), no other field may be, and each has its type. Errors name the field path.
 */
final class PayloadFields {

    private final Map<String, ?> map;
    private final String path;

    private PayloadFields(Map<String, ?> map, String path) {
        this.map = map;
        this.path = path;
    }

    static PayloadFields of(Map<String, ?> map, String path, Set<String> fields) {
        return of(map, path, fields, Set.of());
    }

    /**
     * As {@link #of(Map, String, Set)}, with fields that may also be absent: fields added to a record type after
     * format 1 was first written, so that records written before them still read (and hash) as they were.
     */
    static PayloadFields of(Map<String, ?> map, String path, Set<String> fields, Set<String> mayBeAbsent) {
        if (map == null) {
            throw new InvalidPayloadException(path + ": payload is missing");
        }
        java.util.TreeSet<String> missing = new java.util.TreeSet<>();
        for (String name : fields) {
            if (!map.containsKey(name) && !mayBeAbsent.contains(name)) {
                missing.add(name);
            }
        }
        if (missing.size() == 1) {
            throw new InvalidPayloadException(path + "." + missing.first() + ": field is missing");
        }
        if (!missing.isEmpty()) {
            throw new InvalidPayloadException(path + ": fields missing: " + missing);
        }
        for (String name : mayBeAbsent) {
            // One byte form per meaning: a later field is left out when it has no value, so an explicit null would be a
            // second spelling of "absent" (and hash differently).
            if (map.containsKey(name) && map.get(name) == null) {
                throw new InvalidPayloadException(path + "." + name + ": null is not allowed: the field is left out when it has no value");
            }
        }
        java.util.TreeSet<String> unknown = new java.util.TreeSet<>();
        for (Object name : map.keySet()) {
            if (!fields.contains(name) && !mayBeAbsent.contains(name)) {
                unknown.add(String.valueOf(name));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidPayloadException(path + "." + unknown.first() + ": unknown field (expected " + new java.util.TreeSet<>(fields) + ")");
        }
        return new PayloadFields(map, path);
    }

    InvalidPayloadException error(String name, String message) {
        return new InvalidPayloadException(path + "." + name + ": " + message);
    }

    String text(String name) {
        Object v = map.get(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw error(name, "expected a non-blank string, found " + describe(v));
        }
        return s;
    }

    String optionalText(String name) {
        return map.get(name) == null ? null : text(name);
    }

    long integer(String name) {
        Object v = map.get(name);
        if (v instanceof Long n) {
            return n;
        }
        if (v instanceof Integer n) {
            return n;
        }
        throw error(name, "expected an integer, found " + describe(v));
    }

    Long optionalInteger(String name) {
        return map.get(name) == null ? null : integer(name);
    }

    boolean bool(String name) {
        if (!(map.get(name) instanceof Boolean b)) {
            throw error(name, "expected true or false, found " + describe(map.get(name)));
        }
        return b;
    }

    List<?> list(String name) {
        if (!(map.get(name) instanceof List<?> l)) {
            throw error(name, "expected an array, found " + describe(map.get(name)));
        }
        return l;
    }

    List<String> texts(String name) {
        List<String> out = new ArrayList<>();
        List<?> l = list(name);
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof String s) || s.isBlank()) {
                throw error(name + "[" + i + "]", "expected a non-blank string, found " + describe(l.get(i)));
            }
            out.add(s);
        }
        return out;
    }

    List<PayloadFields> objects(String name, Set<String> fields) {
        List<PayloadFields> out = new ArrayList<>();
        List<?> l = list(name);
        for (int i = 0; i < l.size(); i++) {
            out.add(object(l.get(i), path + "." + name + "[" + i + "]", fields));
        }
        return out;
    }

    PayloadFields object(String name, Set<String> fields) {
        return object(map.get(name), path + "." + name, fields);
    }

    /** An object of name → integer, e.g. subsidy per funder. */
    TreeMap<String, Long> integerMap(String name) {
        if (!(map.get(name) instanceof Map<?, ?> m)) {
            throw error(name, "expected an object, found " + describe(map.get(name)));
        }
        TreeMap<String, Long> out = new TreeMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof Long) && !(v instanceof Integer)) {
                throw error(name + "." + e.getKey(), "expected an integer, found " + describe(v));
            }
            out.put(String.valueOf(e.getKey()), ((Number) v).longValue());
        }
        return out;
    }

    List<FunderShare> funderShares(String name) {
        List<FunderShare> out = new ArrayList<>();
        for (PayloadFields f : objects(name, JsonShapes.FUNDER_SHARE_FIELDS)) {
            out.add(new FunderShare(f.text("funder"), f.integer("fen")));
        }
        return out;
    }

    List<ProviderGrant> providerGrants(String name) {
        List<ProviderGrant> out = new ArrayList<>();
        for (PayloadFields f : objects(name, JsonShapes.PROVIDER_GRANT_FIELDS)) {
            String role = f.text("role");
            ProviderRole parsed = switch (role) {
                case "operator" -> ProviderRole.OPERATOR;
                case "delivery" -> ProviderRole.DELIVERY;
                default -> throw f.error("role", "expected operator or delivery, found \"" + role + "\"");
            };
            out.add(new ProviderGrant(f.text("ruleId"), parsed, f.text("funder"), f.integer("fen")));
        }
        return out;
    }

    private static PayloadFields object(Object value, String path, Set<String> fields) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new InvalidPayloadException(path + ": expected an object, found " + describe(value));
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) m;
        return of(typed, path, fields);
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return String.valueOf(v);
    }

    /** An unmodifiable map for {@code toPayload()}; TreeMap because nullable fields are written as null. */
    static Map<String, Object> payload(Object... namesAndValues) {
        TreeMap<String, Object> m = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
