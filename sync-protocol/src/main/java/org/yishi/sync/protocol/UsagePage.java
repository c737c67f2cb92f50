package org.yishi.sync.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server's answer to a {@link UsageRequest}: sales and reversals at other tills after what the till had seen.
 *
 * @param sales     subsidised sales (in seq order per till)
 * @param reversals voids and refunds of sales (sent whether or not the till was sent the sale)
 * @param seenUpTo  per till, the seq this page brings the asking till to: ask again from here
 * @param more      whether the limit cut the page short
 */
public record UsagePage(List<UsageEntry> sales, List<UsageReversal> reversals, Map<String, Long> seenUpTo, boolean more) {
    public UsagePage {
        sales = List.copyOf(Objects.requireNonNull(sales, "sales"));
        reversals = List.copyOf(Objects.requireNonNull(reversals, "reversals"));
        seenUpTo = Map.copyOf(Objects.requireNonNull(seenUpTo, "seenUpTo"));
    }
}
