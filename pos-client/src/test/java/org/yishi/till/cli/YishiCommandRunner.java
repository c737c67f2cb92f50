package org.yishi.till.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a {@code yishi} command line in-process for tests outside this package: exit status, output, errors. */
public final class YishiCommandRunner {

    /** Output and exit status of one command line. */
    public record Run(int status, String out, String err) {
    }

    private YishiCommandRunner() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = YishiCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }
}
