package org.yishi.cardreader.pcsc;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Where a canteen card keeps its elder number: an application selected by AID, whose current file is read with
 * READ BINARY. Only for card programmes that write one; plain UID cards need none of this.
 *
 * @param aid       application identifier, 5 to 16 bytes (ISO 7816-4)
 * @param maxLength bytes to ask READ BINARY for, 1 to 64: an elder number is short, a card offering more is
 *                  not a canteen card
 */
public record ElderFileSpec(byte[] aid, int maxLength) {

    /** The Yishi canteen application, {@code F0 59 49 53 48 49 00 01} ("YISHI" under a proprietary RID). */
    public static final String YISHI_AID = "F059495348490001";

    public ElderFileSpec {
        if (aid == null || aid.length < 5 || aid.length > 16) {
            throw new IllegalArgumentException("an AID has 5 to 16 bytes, found "
                    + (aid == null ? "none" : aid.length));
        }
        if (maxLength < 1 || maxLength > 64) {
            throw new IllegalArgumentException("elder file length must be 1 to 64 bytes, found " + maxLength);
        }
        aid = aid.clone();
    }

    /** Reads an AID written as hex (spaces allowed), as configuration files have it. */
    public static ElderFileSpec ofHex(String aidHex, int maxLength) {
        String digits = aidHex == null ? "" : aidHex.replace(" ", "");
        try {
            return new ElderFileSpec(HexFormat.of().parseHex(digits), maxLength);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AID \"" + aidHex + "\" is not hex: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] aid() {
        return aid.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElderFileSpec other && Arrays.equals(aid, other.aid) && maxLength == other.maxLength;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(aid) + maxLength;
    }

    @Override
    public String toString() {
        return "ElderFileSpec[aid=" + HexFormat.of().withUpperCase().formatHex(aid) + ", maxLength=" + maxLength + "]";
    }
}
