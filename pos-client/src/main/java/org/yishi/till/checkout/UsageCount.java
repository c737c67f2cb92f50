package org.yishi.till.checkout;

import java.util.Optional;

/**
 * How a quote counted the elder's subsidised meals at other tills: the SALE's {@code usageCheck}
 * (docs/journal-format.md), so finance can tell a limit the server confirmed from one the till judged alone.
 */
public enum UsageCount {
    /** A till without a settlement server: its own sales only. Not journalled. */
    OWN_TILL(null),
    /** The server answered the online check in time; what it reported of other tills was counted. */
    ONLINE("online"),
    /** No answer in time, or the till is offline: its own sales and the other tills' usage it last synced. */
    LOCAL("local");

    private final String code;

    UsageCount(String code) {
        this.code = code;
    }

    /** The journal's {@code usageCheck} value; empty for {@link #OWN_TILL}. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }
}
