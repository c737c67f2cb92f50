package org.yishi.sync.protocol;

/**
 * A protocol message that is not the shape its type takes: broken I/O from the other side's point of view, so an
 * exception, not a result. The message names the type and what was wrong, never a secret (tokens and codes are not
 * in any message that can fail to parse).
 */
public final class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
