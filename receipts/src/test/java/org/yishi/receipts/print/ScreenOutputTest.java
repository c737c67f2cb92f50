package org.yishi.receipts.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenOutputTest {

    @Test
    void screenIsATargetThatKeepsTheLastReceiptsAndTellsThePreview() throws Exception {
        PrinterOutput output = PrinterOutputs.open(PrinterTarget.parse("screen:"), PrinterTimeouts.DEFAULTS);
        assertThat(output).isInstanceOf(ScreenOutput.class);
        ScreenOutput screen = (ScreenOutput) output;
        List<byte[]> heard = new ArrayList<>();
        screen.onReceipt(heard::add);

        for (int i = 1; i <= 25; i++) {
            assertThat(screen.send(new byte[] {(byte) i}).confirmed()).isTrue();
        }

        assertThat(heard).hasSize(25);
        assertThat(screen.recent()).hasSize(20);
        assertThat(screen.recent().get(0)).containsExactly(6);
        assertThat(screen.status().reply()).isEqualTo(PrinterStatus.Reply.UNKNOWN);
        assertThatThrownBy(() -> screen.send(new byte[0])).isInstanceOf(PrintFailure.class);
    }

    @Test
    void screenTakesNothingAfterTheColon() {
        assertThat(PrinterTarget.parse("screen:").spec()).isEqualTo("screen:");
        assertThatThrownBy(() -> PrinterTarget.parse("screen:left"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("write just screen:");
    }
}
