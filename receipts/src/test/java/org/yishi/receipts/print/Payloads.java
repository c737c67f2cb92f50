package org.yishi.receipts.print;

import java.util.Random;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.RenderedReceipt;

/** Receipt-like test payloads: seeded random bytes, with no DLE (0x10) so no accidental real-time command. */
final class Payloads {
    private Payloads() {
    }

    static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0x10) {
                bytes[i] = 0x11;
            }
        }
        return bytes;
    }

    static RenderedReceipt receipt(String id, int length) {
        return new RenderedReceipt(id, ReceiptKind.SALE, bytes(length, id.hashCode()), false);
    }
}
