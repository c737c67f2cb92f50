package org.yishi.receipts.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yishi.receipts.print.PrinterCondition.*;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fuzzes what a receipt printer answers to {@code DLE EOT n} (docs/printing.md, docs/testing.md): the bytes come from
 * a device on the network or a USB cable, and a clone or a line of stray data can send anything.
 *
 * <p>Input: pairs of bytes {@code (n, reply)}, read as the till's status query does — the first byte of a pair is
 * the question, taken as is (so 0 and 5..255 are questions that do not exist), the second the printer's reply. The
 * contract of {@link RealTimeStatus}: a question outside 1..4 is refused with an {@link IllegalArgumentException};
 * a reply without the fixed bits is refused with one naming the byte; a status byte decodes to conditions that
 * question can report, and what a full answer decodes to becomes a {@link PrinterStatus} the cashier can be told in
 * Chinese and English. Any other exception is a finding.
 *
 * <p>{@code mvn verify} runs the committed inputs under {@code src/test/resources/org/yishi/receipts/print/
 * PrinterStatusFuzzTestInputs/statusReplies/}; {@code scripts/fuzz.sh receipts PrinterStatusFuzzTest statusReplies
 * MINUTES} fuzzes.
 */
class PrinterStatusFuzzTest {

    /** What each question can report (Epson's ESC/POS reference for DLE EOT 1..4). */
    private static final Map<Integer, Set<PrinterCondition>> REPORTABLE = Map.of(
            1, EnumSet.of(OFFLINE, WAITING_FOR_RECOVERY),
            2, EnumSet.of(COVER_OPEN, FEED_BUTTON_PRESSED, PAPER_OUT, ERROR),
            3, EnumSet.of(RECOVERABLE_ERROR, AUTOCUTTER_ERROR, UNRECOVERABLE_ERROR, AUTO_RECOVERABLE_ERROR),
            4, EnumSet.of(PAPER_NEAR_END, PAPER_OUT));
    private static final List<PrintStatusText> TEXTS = List.of(new PrintStatusText(Locale.SIMPLIFIED_CHINESE), new PrintStatusText(Locale.ENGLISH));

    @FuzzTest
    void statusReplies(byte[] input) {
        Set<PrinterCondition> answer = EnumSet.noneOf(PrinterCondition.class);
        for (int i = 0; i + 1 < input.length; i += 2) {
            int n = Byte.toUnsignedInt(input[i]);
            int reply = Byte.toUnsignedInt(input[i + 1]);
            if (n < RealTimeStatus.PRINTER || n > RealTimeStatus.PAPER_SENSOR) {
                assertThatThrownBy(() -> RealTimeStatus.query(n)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("1..4");
                if (RealTimeStatus.isStatusByte(reply)) {
                    assertThatThrownBy(() -> RealTimeStatus.decode(n, reply)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("1..4");
                }
                continue;
            }
            assertThat(RealTimeStatus.query(n)).containsExactly(0x10, 0x04, n);
            if (!RealTimeStatus.isStatusByte(reply)) {
                assertThatThrownBy(() -> RealTimeStatus.decode(n, reply)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(String.format("0x%02X", reply));
                continue;
            }
            Set<PrinterCondition> conditions = RealTimeStatus.decode(n, reply);
            assertThat(REPORTABLE.get(n)).as("DLE EOT %d reply 0x%02X", n, reply).containsAll(conditions);
            answer.addAll(conditions);
        }
        PrinterStatus status = PrinterStatus.answered(answer);
        assertThat(status.conditions()).isEqualTo(answer);
        for (PrintStatusText text : TEXTS) {
            for (PrinterCondition c : status.conditions()) {
                assertThat(text.condition(c)).isNotBlank();
            }
        }
    }
}
