package org.yishi.core.journal;

/** A journal line that is not a well-formed record; {@link #kind()} is MALFORMED or NOT_CANONICAL. */
public final class MalformedRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final ProblemKind kind;

    MalformedRecordException(ProblemKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProblemKind kind() {
        return kind;
    }
}
