package org.yishi.core.journal;

/** A payload without the documented shape or with inconsistent values; the message names the field. */
public final class InvalidPayloadException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidPayloadException(String message) {
        super(message);
    }
}
