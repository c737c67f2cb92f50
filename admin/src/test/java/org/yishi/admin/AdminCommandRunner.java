package org.yishi.admin;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs an administrator's {@code yishi} command line in-process for tests: exit status, output, errors. */
public final class AdminCommandRunner {

    /** Output and exit status of one command line. */
    public record Run(int status, String out, String err) {
    }

    private AdminCommandRunner() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = AdminCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }
}
