package org.yishi.core.subsidy;

import java.util.Objects;

/**
 * Where an earlier purchase was recorded: the till and the journal seq of its SALE. One sale has one origin wherever
 * it is learnt from — the till's own sales index, or the server's usage from other tills — so a history that holds
 * it twice counts it once.
 *
 * @param tillId the till that sold it
 * @param seq    the seq of its SALE record in that till's journal
 */
public record SaleOrigin(String tillId, long seq) {
    public SaleOrigin {
        Objects.requireNonNull(tillId, "tillId");
        if (tillId.isBlank()) {
            throw new IllegalArgumentException("tillId must not be blank");
        }
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1, found " + seq);
        }
    }

    @Override
    public String toString() {
        return tillId + "#" + seq;
    }
}
