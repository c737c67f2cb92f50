package org.yishi.till.script;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.yishi.core.journal.CanonicalJson;
import org.yishi.till.checkout.Till;

/**
 * Runs a till script (docs/till-script.md) against a real till — its store, counter, journal and print queue, no
 * window — one JSON line out per line in, in order. Support reproduces what a canteen reports with it, trainers
 * rehearse with it, and checks from outside the project drive the till through it. A public interface: actions and
 * output members are only ever added, never renamed.
 */
public final class TillScript {

    /** How a run ended: the exit status of {@code yishi till --script}. */
    public enum Ending {
        /** Every line was carried out (a refusal is carried out: it is the till's answer). */
        ALL_CARRIED_OUT(0),
        /** At least one line could not be carried out (no bill to confirm, an unknown item or receipt ...). */
        SOME_NOT_CARRIED_OUT(1),
        /** The script is malformed: nothing ran. */
        MALFORMED(2);

        private final int exitCode;

        Ending(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private TillScript() {
    }

    /**
     * Reads the whole script, then opens the till on the script's clock and runs it. A malformed line stops everything
     * before the till is opened: {@code err} names the line.
     *
     * @param zone the till's zone, in which {@code "at"} is read
     * @param open opens the till on the given clock (the caller's demo or configured till)
     */
    public static Ending run(BufferedReader script, ZoneId zone, Function<Clock, Till> open, PrintWriter out, PrintWriter err)
            throws IOException {
        List<ScriptLine> lines;
        try {
            lines = new ScriptParser().parse(script);
        } catch (ScriptSyntaxException e) {
            err.println("yishi till --script: " + e.getMessage());
            err.flush();
            return Ending.MALFORMED;
        }
        ScriptClock clock = new ScriptClock(Clock.system(zone));
        // The first line's "at" applies before the till opens, so the till starts at the script's time.
        lines.stream().findFirst().flatMap(ScriptLine::at).ifPresent(at -> clock.set(at.atZone(zone).toInstant()));
        boolean allCarriedOut = true;
        try (Till till = open.apply(clock)) {
            ScriptRunner runner = new ScriptRunner(till, clock, zone);
            for (ScriptLine line : lines) {
                ScriptResult result = runner.run(line);
                out.println(CanonicalJson.write(result.toJson()));
                out.flush();
                allCarriedOut &= result.carriedOut();
            }
        }
        return allCarriedOut ? Ending.ALL_CARRIED_OUT : Ending.SOME_NOT_CARRIED_OUT;
    }
}
