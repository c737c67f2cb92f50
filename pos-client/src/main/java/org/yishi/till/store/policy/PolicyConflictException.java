package org.yishi.till.store.policy;

/** A policy version was installed again with different text. */
public final class PolicyConflictException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PolicyConflictException(String message) {
        super(message);
    }
}
