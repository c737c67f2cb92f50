package org.yishi.receipts.content;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What every receipt of one till says about where it comes from.
 *
 * @param canteenName  the canteen's display name
 * @param canteenPhone its public phone, printed in the footer ("" for none)
 * @param tillId       the till, e.g. {@code T01}; letters, digits, '-' and '_' (it goes into the verification QR)
 * @param funderNames  funder code → display name from the policy (市财政 ...); codes without a name print as codes
 * @param zone         the canteen's time zone, for printed times (Asia/Shanghai)
 */
public record ReceiptContext(String canteenName, String canteenPhone, String tillId, Map<String, String> funderNames,
        ZoneId zone) {

    private static final Pattern TILL_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public ReceiptContext {
        Objects.requireNonNull(canteenName, "canteenName");
        canteenPhone = canteenPhone == null ? "" : canteenPhone;
        Objects.requireNonNull(tillId, "tillId");
        if (!TILL_ID.matcher(tillId).matches()) {
            throw new IllegalArgumentException("till id must be 1..32 letters, digits, '-' or '_' (it is printed in the "
                    + "verification QR), not \"" + tillId + "\"");
        }
        funderNames = Map.copyOf(funderNames);
        Objects.requireNonNull(zone, "zone");
    }

    /** The funder's display name, or its code. */
    public String funderName(String code) {
        return funderNames.getOrDefault(code, code);
    }
}
