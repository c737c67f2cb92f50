package org.yishi.till.script;

/** A script line that is not a valid instruction: nothing of the script has run. Names the line and the problem. */
public final class ScriptSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    ScriptSyntaxException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }
}
