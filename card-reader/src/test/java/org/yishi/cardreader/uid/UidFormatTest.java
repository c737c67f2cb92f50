package org.yishi.cardreader.uid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UidFormatTest {

    @Test
    void pcscHexIsUpperCasedAndSeparatorsDropped() {
        assertThat(UidFormat.PCSC.canonical("04:a1:b2:c3:d4:e5:f6")).isEqualTo("04A1B2C3D4E5F6");
        assertThat(UidFormat.PCSC.canonical(" 1a2b3c4d ")).isEqualTo("1A2B3C4D");
        assertThat(UidFormat.canonical(new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF})).isEqualTo("DEADBEEF");
    }

    @Test
    void reversedReadersAreTurnedAround() {
        UidFormat reversed = new UidFormat(UidFormat.Encoding.HEX, true, 0);
        assertThat(reversed.canonical("EFBEADDE")).isEqualTo("DEADBEEF");
    }

    @Test
    void tenDigitDecimalReadersGiveTheSameUidAsPcsc() {
        // 0xDEADBEEF = 3735928559; such readers type the first 4 bytes as a 10-digit number
        UidFormat decimal = new UidFormat(UidFormat.Encoding.DECIMAL, false, 4);
        assertThat(decimal.canonical("3735928559")).isEqualTo("DEADBEEF");
        assertThat(decimal.canonical("0000000001")).isEqualTo("00000001");
        UidFormat decimalReversed = new UidFormat(UidFormat.Encoding.DECIMAL, true, 4);
        assertThat(decimalReversed.canonical("4022250974")).isEqualTo("DEADBEEF");
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> UidFormat.PCSC.canonical("ABC")).hasMessageContaining("even number");
        assertThatThrownBy(() -> UidFormat.PCSC.canonical("GGGGGGGG")).hasMessageContaining("hex");
        assertThatThrownBy(() -> UidFormat.PCSC.canonical("0102")).hasMessageContaining("4 to 10 bytes");
        UidFormat decimal = new UidFormat(UidFormat.Encoding.DECIMAL, false, 4);
        assertThatThrownBy(() -> decimal.canonical("99999999999")).hasMessageContaining("too large");
        assertThatThrownBy(() -> decimal.canonical("12a4")).hasMessageContaining("digits only");
        assertThatThrownBy(() -> new UidFormat(UidFormat.Encoding.DECIMAL, false, 2)).hasMessageContaining("4 to 10");
    }
}
