package org.yishi.till.shift;

import java.util.Objects;
import java.util.function.Function;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.content.ReceiptContext;

/**
 * How the till prints its Z-report.
 *
 * @param renderer the till's receipt renderer (language, printer profile)
 * @param context  canteen, till and funder names
 * @param ruleName a policy rule id's display name for the per-tier lines (the id itself when unknown)
 */
public record ZReportFormat(ReceiptRenderer renderer, ReceiptContext context, Function<String, String> ruleName) {

    public ZReportFormat {
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(ruleName, "ruleName");
    }
}
