package org.yishi.receipts.print;

import java.util.EnumSet;
import java.util.Set;

/**
 * The ESC/POS real-time status transmission, {@code DLE EOT n} (bytes {@code 10 04 n}), as Epson specifies it.
 *
 * <p>Every reply byte has bits 1 and 4 set and bits 0 and 7 clear; a byte that does not is not a status reply
 * (stray data, another protocol) and is refused rather than guessed at.
 */
final class RealTimeStatus {
    /** n=1 printer status, n=2 offline cause, n=3 error cause, n=4 roll paper sensor. */
    static final int PRINTER = 1;
    static final int OFFLINE_CAUSE = 2;
    static final int ERROR_CAUSE = 3;
    static final int PAPER_SENSOR = 4;

    private static final int FIXED_MASK = 0b1001_0011;
    private static final int FIXED_VALUE = 0b0001_0010;

    private RealTimeStatus() {
    }

    /** The three bytes that ask for status {@code n}. */
    static byte[] query(int n) {
        if (n < PRINTER || n > PAPER_SENSOR) {
            throw new IllegalArgumentException("DLE EOT n must be 1..4, got " + n);
        }
        return new byte[] {0x10, 0x04, (byte) n};
    }

    /** Whether {@code reply} has the fixed bits of a real-time status byte. */
    static boolean isStatusByte(int reply) {
        return (reply & FIXED_MASK) == FIXED_VALUE;
    }

    /**
     * The conditions one reply byte reports.
     *
     * @throws IllegalArgumentException if the byte is not a status byte
     */
    static Set<PrinterCondition> decode(int n, int reply) {
        int b = reply & 0xFF;
        if (!isStatusByte(b)) {
            throw new IllegalArgumentException(String.format(
                    "0x%02X is not a DLE EOT %d reply (bits 1 and 4 must be set, 0 and 7 clear)", b, n));
        }
        Set<PrinterCondition> found = EnumSet.noneOf(PrinterCondition.class);
        switch (n) {
            case PRINTER -> {
                // bit 2 is the drawer connector pin 3 level: it depends on how the drawer is wired, so it says nothing on its own.
                flag(found, b, 3, PrinterCondition.OFFLINE);
                flag(found, b, 5, PrinterCondition.WAITING_FOR_RECOVERY);
            }
            case OFFLINE_CAUSE -> {
                flag(found, b, 2, PrinterCondition.COVER_OPEN);
                flag(found, b, 3, PrinterCondition.FEED_BUTTON_PRESSED);
                flag(found, b, 5, PrinterCondition.PAPER_OUT);
                flag(found, b, 6, PrinterCondition.ERROR);
            }
            case ERROR_CAUSE -> {
                flag(found, b, 2, PrinterCondition.RECOVERABLE_ERROR);
                flag(found, b, 3, PrinterCondition.AUTOCUTTER_ERROR);
                flag(found, b, 5, PrinterCondition.UNRECOVERABLE_ERROR);
                flag(found, b, 6, PrinterCondition.AUTO_RECOVERABLE_ERROR);
            }
            case PAPER_SENSOR -> {
                // Each sensor is reported on two bits; Epson sets both, some clones only one: either counts.
                if ((b & 0b0000_1100) != 0) {
                    found.add(PrinterCondition.PAPER_NEAR_END);
                }
                if ((b & 0b0110_0000) != 0) {
                    found.add(PrinterCondition.PAPER_OUT);
                }
            }
            default -> throw new IllegalArgumentException("DLE EOT n must be 1..4, got " + n);
        }
        return found;
    }

    private static void flag(Set<PrinterCondition> found, int b, int bit, PrinterCondition condition) {
        if ((b & (1 << bit)) != 0) {
            found.add(condition);
        }
    }
}
