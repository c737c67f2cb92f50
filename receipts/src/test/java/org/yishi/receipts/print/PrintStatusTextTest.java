package org.yishi.receipts.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrintStatusTextTest {
    static final Instant AT = Instant.parse("2025-03-01T04:00:00Z");
    final PrintStatusText zh = new PrintStatusText(Locale.SIMPLIFIED_CHINESE);
    final PrintStatusText en = new PrintStatusText(Locale.ENGLISH);

    static QueueStatus held(QueueStatus.Phase phase, HoldReason reason, int waiting) {
        return new QueueStatus(phase, waiting, 1, Optional.of(reason), Set.of());
    }

    @Test
    void paperOutInChineseAndEnglish() {
        HoldReason reason = new HoldReason(FailureKind.PRINTER_STOPPED, "tcp://x reports [OFFLINE, PAPER_OUT]",
                Set.of(PrinterCondition.OFFLINE, PrinterCondition.PAPER_OUT), false, AT);
        QueueStatus status = held(reason.phase(), reason, 2);

        assertThat(zh.headline(status)).isEqualTo("打印机缺纸 · 3 张小票等待打印");
        assertThat(en.headline(status)).isEqualTo("Printer out of paper · 3 receipt(s) waiting to print");
        assertThat(zh.advice(status)).isEqualTo("请处理打印机后按“重试”。交易已保存，小票不会丢失。");
    }

    @Test
    void coverOpenNamesTheCoverNotJustOffline() {
        HoldReason reason = new HoldReason(FailureKind.PRINTER_STOPPED, "",
                Set.of(PrinterCondition.OFFLINE, PrinterCondition.COVER_OPEN), false, AT);
        assertThat(zh.headline(held(reason.phase(), reason, 0))).isEqualTo("打印机离线：纸仓盖未关 · 1 张小票等待打印");
    }

    @Test
    void connectionFailuresAndPartialPrintWarning() {
        HoldReason refused = new HoldReason(FailureKind.REFUSED, "refused", Set.of(), false, AT);
        assertThat(en.headline(held(refused.phase(), refused, 0)))
                .isEqualTo("Printer offline: printer not listening (switched off, or wrong address) · 1 receipt(s) waiting to print");
        HoldReason stalled = new HoldReason(FailureKind.WRITE_TIMEOUT, "stall", Set.of(), true, AT);
        assertThat(zh.headline(held(stalled.phase(), stalled, 0))).startsWith("打印暂停：打印机停止接收数据");
        assertThat(zh.advice(held(stalled.phase(), stalled, 0))).startsWith("小票可能已打印一部分");
    }

    @Test
    void readyAndNearEnd() {
        QueueStatus ready = new QueueStatus(QueueStatus.Phase.READY, 0, 0, Optional.empty(), Set.of(PrinterCondition.PAPER_NEAR_END));
        assertThat(zh.headline(ready)).isEqualTo("打印机就绪 · 纸卷即将用完");
        assertThat(zh.advice(ready)).isEmpty();
    }

    @Test
    void everyKindAndConditionHasTextInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.ROOT, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle bundle = ResourceBundle.getBundle("org.yishi.receipts.print.PrintMessages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Arrays.stream(FailureKind.values()).forEach(k -> assertThat(bundle.containsKey("kind." + k.name())).as(locale + " " + k).isTrue());
            Arrays.stream(PrinterCondition.values()).forEach(c -> assertThat(bundle.containsKey("condition." + c.name())).as(locale + " " + c).isTrue());
            Arrays.stream(QueueStatus.Phase.values()).forEach(p -> assertThat(bundle.containsKey("phase." + p.name())).as(locale + " " + p).isTrue());
        }
        assertThat(ResourceBundle.getBundle("org.yishi.receipts.print.PrintMessages", Locale.SIMPLIFIED_CHINESE)
                .getString("phase.READY")).isEqualTo("打印机就绪");
    }
}
