package org.yishi.receipts.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yishi.receipts.print.PrinterCondition.*;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reply bytes per the Epson ESC/POS reference for DLE EOT n (fixed bits: 1 and 4 set, 0 and 7 clear). */
class RealTimeStatusTest {

    @Test
    void queriesAreDleEotN() {
        assertThat(RealTimeStatus.query(1)).containsExactly(0x10, 0x04, 0x01);
        assertThat(RealTimeStatus.query(4)).containsExactly(0x10, 0x04, 0x04);
        assertThatThrownBy(() -> RealTimeStatus.query(5)).hasMessageContaining("1..4");
    }

    @Test
    void printerStatusN1() {
        assertThat(RealTimeStatus.decode(1, 0x12)).isEmpty();
        assertThat(RealTimeStatus.decode(1, 0x16)).as("drawer pin high alone means nothing").isEmpty();
        assertThat(RealTimeStatus.decode(1, 0x1A)).containsExactly(OFFLINE);
        assertThat(RealTimeStatus.decode(1, 0x3A)).containsExactlyInAnyOrder(OFFLINE, WAITING_FOR_RECOVERY);
    }

    @Test
    void offlineCauseN2() {
        assertThat(RealTimeStatus.decode(2, 0x12)).isEmpty();
        assertThat(RealTimeStatus.decode(2, 0x16)).containsExactly(COVER_OPEN);
        assertThat(RealTimeStatus.decode(2, 0x1A)).containsExactly(FEED_BUTTON_PRESSED);
        assertThat(RealTimeStatus.decode(2, 0x32)).containsExactly(PAPER_OUT);
        assertThat(RealTimeStatus.decode(2, 0x52)).containsExactly(ERROR);
    }

    @Test
    void errorCauseN3() {
        assertThat(RealTimeStatus.decode(3, 0x16)).containsExactly(RECOVERABLE_ERROR);
        assertThat(RealTimeStatus.decode(3, 0x1A)).containsExactly(AUTOCUTTER_ERROR);
        assertThat(RealTimeStatus.decode(3, 0x32)).containsExactly(UNRECOVERABLE_ERROR);
        assertThat(RealTimeStatus.decode(3, 0x52)).containsExactly(AUTO_RECOVERABLE_ERROR);
    }

    @Test
    void paperSensorN4() {
        assertThat(RealTimeStatus.decode(4, 0x12)).isEmpty();
        assertThat(RealTimeStatus.decode(4, 0x1E)).containsExactly(PAPER_NEAR_END);
        assertThat(RealTimeStatus.decode(4, 0x72)).containsExactly(PAPER_OUT);
        assertThat(RealTimeStatus.decode(4, 0x7E)).containsExactlyInAnyOrder(PAPER_NEAR_END, PAPER_OUT);
    }

    @Test
    void bytesWithoutTheFixedBitsAreNotStatus() {
        for (int bad : new int[] {0x00, 0xFF, 0x10, 0x02, 0x13, 0x92}) {
            assertThat(RealTimeStatus.isStatusByte(bad)).as("0x%02X", bad).isFalse();
        }
        assertThatThrownBy(() -> RealTimeStatus.decode(1, 0x00)).hasMessageContaining("0x00 is not a DLE EOT 1 reply");
    }

    @Test
    void whatStopsPrintingAndWhatOnlyWarns() {
        assertThat(PrinterStatus.answered(Set.of(PAPER_NEAR_END)).isReady()).isTrue();
        assertThat(PrinterStatus.answered(Set.of(PAPER_OUT)).reportsStopped()).isTrue();
        assertThat(PrinterStatus.answered(Set.of(COVER_OPEN)).isReady()).isFalse();
        assertThat(PrinterStatus.unknown("silent").reportsStopped()).isFalse();
        assertThat(PrinterStatus.unknown("silent").isReady()).isFalse();
        assertThatThrownBy(() -> new PrinterStatus(PrinterStatus.Reply.UNKNOWN, EnumSet.of(OFFLINE), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Every n and every byte: 4 x 256 = 1,024 cases (500 random ones before). */
    @ParameterizedTest(name = "DLE EOT {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void everyStatusByteDecodesAndEveryOtherIsRefused(int n) {
        for (int reply = 0; reply <= 255; reply++) {
            int b = reply;
            boolean valid = (b & 0x93) == 0x12;
            assertThat(RealTimeStatus.isStatusByte(b)).as("0x%02X", b).isEqualTo(valid);
            if (valid) {
                assertThat(RealTimeStatus.decode(n, b)).as("0x%02X", b).isNotNull();
            } else {
                assertThatThrownBy(() -> RealTimeStatus.decode(n, b)).as("0x%02X", b).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
