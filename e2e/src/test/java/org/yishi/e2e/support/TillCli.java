package org.yishi.e2e.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yishi.till.cli.YishiCommand;

/**
 * The till's public command line, in this JVM: {@code till enroll}, the scripted till ({@code till --config F
 * --script S}, docs/till-script.md) and {@code till sync} — what an outside check would type.
 */
public final class TillCli {

    /** Exit status and output of one command line. */
    public record Run(int status, String out, String err) {
        public Run requireOk() {
            if (status != 0) {
                throw new AssertionError("exit " + status + "\nout: " + out + "\nerr: " + err);
            }
            return this;
        }
    }

    private TillCli() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = YishiCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    public static Run enroll(String server, String code, Path dir, String tillId) {
        return run("--lang", "en", "till", "enroll", "--server", server, "--code", code, "--dir", dir.toString(), "--till-id", tillId);
    }

    public static Path config(Path dir) {
        return dir.resolve("till.yaml");
    }

    /** Runs a script (JSON lines) on the till enrolled in {@code dir}. */
    public static Run script(Path dir, List<String> lines) {
        Path file = dir.resolve("script-" + System.nanoTime() + ".jsonl");
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run("--lang", "en", "till", "--config", config(dir).toString(), "--script", file.toString());
    }

    public static Run sync(Path dir) {
        return run("--lang", "en", "till", "sync", "--config", config(dir).toString());
    }
}
