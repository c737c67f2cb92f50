package org.yishi.receipts.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrinterTargetTest {

    @Test
    void readsTheThreeForms() {
        assertThat(PrinterTarget.parse("tcp://192.168.1.50:9100")).isEqualTo(new PrinterTarget.Tcp("192.168.1.50", 9100));
        assertThat(PrinterTarget.parse(" TCP://printer-1.canteen.lan:9101/ ")).isEqualTo(new PrinterTarget.Tcp("printer-1.canteen.lan", 9101));
        assertThat(PrinterTarget.parse("tcp://[fe80::1]:9100")).isEqualTo(new PrinterTarget.Tcp("fe80::1", 9100));
        assertThat(PrinterTarget.parse("file:/dev/usb/lp0")).isEqualTo(new PrinterTarget.DeviceFile(Path.of("/dev/usb/lp0")));
        assertThat(PrinterTarget.parse("file:///dev/usb/../usb/lp1")).isEqualTo(new PrinterTarget.DeviceFile(Path.of("/dev/usb/lp1")));
        assertThat(PrinterTarget.parse("cups:Receipt_80mm")).isEqualTo(new PrinterTarget.SpoolerQueue("Receipt_80mm"));
    }

    @Test
    void specReadsBackToTheSameTarget() {
        for (String spec : new String[] {"tcp://10.0.0.7:9100", "tcp://[::1]:9100", "file:/dev/usb/lp0", "cups:POS58"}) {
            PrinterTarget target = PrinterTarget.parse(spec);
            assertThat(target.spec()).isEqualTo(spec);
            assertThat(PrinterTarget.parse(target.spec())).isEqualTo(target);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                        | empty",
            "192.168.1.50:9100         | unknown scheme '192.168.1.50'",
            "/dev/usb/lp0              | no scheme",
            "lpt:/dev/lp0              | unknown scheme 'lpt'",
            "http://printer:9100       | unknown scheme 'http'",
            "tcp:192.168.1.50:9100     | write tcp://HOST:PORT",
            "tcp://192.168.1.50        | has no port",
            "tcp://192.168.1.50:       | has no port after ':'",
            "tcp://:9100               | has no host",
            "tcp://192.168.1.256:9100  | not a valid IPv4 address",
            "tcp://192.168.1:9100      | not a valid IPv4 address",
            "tcp://bad_host:9100       | not a valid host name",
            "tcp://-printer:9100       | not a valid host name",
            "tcp://printer:http        | port 'http' is not a number",
            "tcp://printer:0           | outside 1..65535",
            "tcp://printer:65536       | outside 1..65535",
            "tcp://printer:9100/raw    | no path",
            "tcp://fe80::1:9100        | put an IPv6 address in brackets",
            "tcp://[fe80::1:9100       | missing its closing ']'",
            "tcp://[fe80::1]           | has no port",
            "tcp://[zz::1]:9100        | not an IPv6 address",
            "file:                     | names no device",
            "file:dev/usb/lp0          | must be absolute",
            "cups:                     | names no queue",
            "cups:My Printer           | may not contain spaces",
    })
    void refusesWithASpecificReason(String text, String reason) {
        assertThatThrownBy(() -> PrinterTarget.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void nullIsRefusedClearly() {
        assertThatThrownBy(() -> PrinterTarget.parse(null)).hasMessageContaining("empty");
    }

    /** Every port, all 65,535 of them (a sample of 200 before). */
    @Test
    void everyValidPortReadsBack() {
        for (int port = 1; port <= 65535; port++) {
            assertThat(PrinterTarget.parse("tcp://printer.local:" + port)).as("port %d", port)
                    .isEqualTo(new PrinterTarget.Tcp("printer.local", port));
        }
    }
}
