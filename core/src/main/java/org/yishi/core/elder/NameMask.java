package org.yishi.core.elder;

/** Masks personal names for display (PIPL: show the least that still lets an elder recognise himself). */
public final class NameMask {
    private NameMask() {
    }

    /**
     * 张三 → 张*, 张小华 → 张*华, 欧阳小华 → 欧**华. Works on code points so rare characters
     * outside the BMP (common in names) count as one.
     */
    public static String mask(String name) {
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length <= 1) {
            return name.strip();
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return sb.append('*').toString();
        }
        sb.append("*".repeat(cps.length - 2));
        return sb.appendCodePoint(cps[cps.length - 1]).toString();
    }
}
