package org.yishi.e2e.support;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Script lines for the scripted till (docs/till-script.md): the demo staff log in, open a shift, sell lunches. */
public final class Scripts {

    private Scripts() {
    }

    /**
     * {@code daysAhead} days after today (Asia/Shanghai) at {@code hour:minute}. Scripts run in the future of the
     * real clock: an enrolled till's first records carry the real time, and a script set before them would be a clock
     * set back (subsidy stops), and a card reported lost now is lost only from now.
     */
    public static LocalDateTime day(int daysAhead, int hour, int minute) {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(daysAhead).atTime(hour, minute);
    }

    /** Logs the demo cashier in at {@code at} and opens a shift. */
    public static List<String> openShift(LocalDateTime at) {
        return List.of("{\"do\":\"login\",\"at\":\"" + at + "\",\"staff\":\"1001\",\"pin\":\"1234\"}",
                "{\"do\":\"open_shift\",\"float_fen\":50000}");
    }

    /** Logs in again (a script starts logged out) without opening a shift. */
    public static List<String> login(LocalDateTime at) {
        return List.of("{\"do\":\"login\",\"at\":\"" + at + "\",\"staff\":\"1001\",\"pin\":\"1234\"}");
    }

    /** One card tapped and the bill confirmed in cash (the copayment exactly). */
    public static List<String> sale(String uid) {
        return List.of("{\"do\":\"tap\",\"uid\":\"" + uid + "\"}", "{\"do\":\"confirm\",\"pay\":\"cash\"}");
    }

    /** A card tapped at {@code at}, nothing confirmed: the answer line says whether and why it was refused. */
    public static String tapAt(String uid, LocalDateTime at) {
        return "{\"do\":\"tap\",\"at\":\"" + at + "\",\"uid\":\"" + uid + "\"}";
    }

    /** A shift of {@code uids.size()} sales from {@code at}, one a minute, then the shift closed uncounted-checked. */
    public static List<String> lunchtime(LocalDateTime at, List<String> uids) {
        List<String> lines = new ArrayList<>(openShift(at));
        for (String uid : uids) {
            lines.addAll(sale(uid));
        }
        return lines;
    }
}
