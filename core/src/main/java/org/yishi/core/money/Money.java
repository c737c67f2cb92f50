package org.yishi.core.money;

import java.util.Locale;

/**
 * An amount of Chinese yuan held as whole fen (1 yuan = 100 fen). Never floating point:
 * subsidy is public money and every fen must add up exactly.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    public static Money ofYuan(long yuan) {
        return new Money(Math.multiplyExact(yuan, 100L));
    }

    /**
     * Parses an amount as people write it: "12", "12.5", "12.50", "¥12.50", "12.50元", "-3.00".
     * More than two decimals is an error rather than a silent rounding.
     *
     * @throws IllegalArgumentException naming the text that could not be read
     */
    public static Money parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("amount is missing");
        }
        String s = text.strip();
        if (s.startsWith("¥") || s.startsWith("￥")) {
            s = s.substring(1).strip();
        }
        if (s.endsWith("元")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (!s.matches("\\d{1,15}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("not an amount in yuan with at most two decimals: \"" + text + "\"");
        }
        int dot = s.indexOf('.');
        long yuan = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
        long fen = 0;
        if (dot >= 0) {
            String frac = s.substring(dot + 1);
            fen = Long.parseLong(frac.length() == 1 ? frac + "0" : frac);
        }
        long total = Math.addExact(Math.multiplyExact(yuan, 100L), fen);
        return new Money(negative ? -total : total);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(fen, factor));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isZero() {
        return fen == 0;
    }

    /** "12.50" — the plain decimal form used in CSV files and on receipts next to a currency label. */
    public String toDecimalString() {
        long abs = Math.abs(fen);
        return String.format(Locale.ROOT, "%s%d.%02d", fen < 0 ? "-" : "", abs / 100, abs % 100);
    }

    /** "¥12.50" (or "-¥12.50"): how the till shows an amount. */
    public String toYuanSymbolString() {
        long abs = Math.abs(fen);
        return String.format(Locale.ROOT, "%s¥%d.%02d", fen < 0 ? "-" : "", abs / 100, abs % 100);
    }

    /** "12.50元": how Chinese text and spoken prompts name an amount. */
    public String toYuanSuffixString() {
        return toDecimalString() + "元";
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(fen, o.fen);
    }

    @Override
    public String toString() {
        return toYuanSymbolString();
    }
}
