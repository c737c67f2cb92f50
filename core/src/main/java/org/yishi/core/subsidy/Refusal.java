package org.yishi.core.subsidy;

import java.util.Objects;

/**
 * A refusal with its reason and a detail for staff and logs (e.g. the limit id and window, the day of death).
 */
public record Refusal(RefusalReason reason, String detail) {
    public Refusal {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }
}
