package org.yishi.receipts.print;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The words for the till's printer status bar, from the {@code PrintMessages} bundles (zh-CN first, English).
 * The developer detail stays in {@link HoldReason#message()}; the cashier sees what to do.
 */
public final class PrintStatusText {
    private final ResourceBundle bundle;
    private final Locale locale;

    public PrintStatusText(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.bundle = ResourceBundle.getBundle("org.yishi.receipts.print.PrintMessages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** One line for the status bar, e.g. "打印机缺纸 · 3 张小票等待打印". */
    public String headline(QueueStatus status) {
        List<String> parts = new ArrayList<>();
        String cause = status.reason().map(this::cause).orElse("");
        parts.add(format("phase." + status.phase().name(), cause));
        int pending = status.waiting() + status.held();
        if (pending > 0 && status.phase() != QueueStatus.Phase.PRINTING) {
            parts.add(format("waiting", pending));
        }
        if (status.warnings().contains(PrinterCondition.PAPER_NEAR_END)) {
            parts.add(bundle.getString("warning.PAPER_NEAR_END"));
        }
        return String.join(" · ", parts);
    }

    /** What the cashier should do now, or empty when nothing is held. */
    public String advice(QueueStatus status) {
        if (status.reason().isEmpty()) {
            return "";
        }
        String retry = bundle.getString("action.retry");
        return status.reason().get().mayHavePrinted() ? bundle.getString("mayHavePrinted") + " " + retry : retry;
    }

    /** One printer condition in the cashier's words, e.g. "缺纸". */
    public String condition(PrinterCondition condition) {
        return bundle.getString("condition." + condition.name());
    }

    /** The cause in the cashier's words: what the printer reported if it did, else the kind of failure. */
    public String cause(HoldReason reason) {
        if (!reason.conditions().isEmpty()) {
            return reason.conditions().stream()
                    .filter(c -> c != PrinterCondition.OFFLINE || reason.conditions().size() == 1)
                    .sorted()
                    .map(this::condition)
                    .collect(Collectors.joining(locale.getLanguage().equals("zh") ? "，" : ", "));
        }
        return bundle.getString("kind." + reason.kind().name());
    }

    private String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
