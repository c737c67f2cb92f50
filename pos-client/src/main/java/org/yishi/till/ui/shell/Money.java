package org.yishi.till.ui.shell;

/**
 * Amounts as the till shows them: ¥12.50 from 1250 fen. Integer arithmetic only, so what is shown is exactly
 * what is journalled.
 */
public final class Money {

    private Money() {
    }

    public static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return sign + "¥" + abs / 100 + "." + String.format("%02d", abs % 100);
    }

    /**
     * Reads what a cashier typed for cash handed over: "20", "20.5", "20.50", "¥20". Returns -1 for anything else,
     * so the caller can say which field is wrong.
     */
    public static long parseFen(String typed) {
        if (typed == null) {
            return -1;
        }
        String t = typed.trim().replace("¥", "").replace("￥", "");
        if (!t.matches("\\d{1,7}(\\.\\d{0,2})?")) {
            return -1;
        }
        int dot = t.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(t) * 100;
        }
        String frac = (t.substring(dot + 1) + "00").substring(0, 2);
        return Long.parseLong(t.substring(0, dot)) * 100 + Long.parseLong(frac);
    }
}
