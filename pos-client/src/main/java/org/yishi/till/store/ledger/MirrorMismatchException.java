package org.yishi.till.store.ledger;

/**
 * The till database's journal mirror is not a prefix of the journal file: a row differs from the file's line, or
 * the database holds records the file does not. The file verifies (chain and signatures), so either the database or
 * the file was replaced or altered behind the till's back. Never resolved silently: the till refuses to start and a
 * supervisor must decide (docs/till-store.md, "mirror mismatch").
 */
public final class MirrorMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final long seq;

    public MirrorMismatchException(long seq, String message) {
        super(message);
        this.seq = seq;
    }

    /** The first seq at which the mirror and the file disagree. */
    public long seq() {
        return seq;
    }
}
