package org.yishi.sync.protocol;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The stable {@code type} of every RFC 9457 problem the server answers with. Clients decide on the type, never on
 * the human-readable {@code title}/{@code detail}. Types are URIs under {@link #BASE}; the slug is
 * {@link #slug()}. New cases get new constants; existing ones never change.
 */
public enum ProblemType {
    /** The body is not JSON, or not the shape the endpoint takes (the detail names the field). */
    MALFORMED("malformed", 400),
    /** No credentials, or credentials that are not valid. */
    UNAUTHENTICATED("unauthenticated", 401),
    /** Valid credentials without the right: another till's journal, an administrator endpoint. */
    FORBIDDEN("forbidden", 403),
    /** The till's token was revoked (or replaced by a rotation). */
    TOKEN_REVOKED("token-revoked", 401),
    /** No such till, card, policy. */
    NOT_FOUND("not-found", 404),
    /** A batch does not start where the server's records end: {@code expectedSeq} says where to start. */
    SEQUENCE_GAP("sequence-gap", 409),
    /** A line has a seq the server holds with different bytes: stored as evidence of a fork, nothing of the batch kept. */
    FORK("fork", 409),
    /** A line fails verification (signature, chain, canonical form, payload rules): {@code seq} and {@code kind} say which. */
    VERIFICATION_FAILED("verification-failed", 422),
    /** The request is well-formed but its content is refused (an invalid policy, an unknown canteen). */
    INVALID("invalid", 422),
    /** An enrolment code that is unknown, used, or expired (one answer for all three: no oracle). */
    ENROLMENT_CODE_INVALID("enrolment-code-invalid", 400),
    /** Too many attempts (enrolment codes, logins): retry after the {@code Retry-After} header. */
    RATE_LIMITED("rate-limited", 429),
    /** The body is larger than the endpoint takes. */
    TOO_LARGE("too-large", 413),
    /** The till or resource is in a state that refuses the request (a revoked till enrolling again). */
    CONFLICT("conflict", 409),
    /** The server is at its limit of concurrent journal ingests and the batch waited too long for a turn: send it again later. */
    BUSY("busy", 503);

    /** Every type URI starts with this. */
    public static final String BASE = "https://yishi.org/problems/";

    private final String slug;
    private final int status;

    ProblemType(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    /** The HTTP status this problem is answered with. */
    public int status() {
        return status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /** The constant for a problem's {@code type}, if it is one of ours. */
    public static Optional<ProblemType> of(String typeUri) {
        return Arrays.stream(values()).filter(t -> (BASE + t.slug).equals(typeUri)).findFirst();
    }
}
