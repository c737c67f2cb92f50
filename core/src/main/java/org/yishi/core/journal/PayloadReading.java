package org.yishi.core.journal;

/**
 * A record's payload read into its typed form once, or the exception reading it threw, kept to be thrown where the
 * rules would have read it. Lets a verifier read payloads on all cores ahead of the rules, and lets the rules read
 * each payload once instead of once to check and again to apply.
 */
final class PayloadReading {

    private final JournalPayload payload;
    private final RuntimeException failure;

    private PayloadReading(JournalPayload payload, RuntimeException failure) {
        this.payload = payload;
        this.failure = failure;
    }

    /** Reads {@code record}'s payload with {@link JournalPayload#of}; never throws. */
    static PayloadReading of(SignedRecord record) {
        try {
            return new PayloadReading(JournalPayload.of(record.type(), record.payload()), null);
        } catch (RuntimeException e) {
            // Usually an InvalidPayloadException (the rules report it as INVALID_PAYLOAD); anything else is thrown as before.
            return new PayloadReading(null, e);
        }
    }

    /** Gives the typed payload to {@code action} if it was read. */
    void ifRead(java.util.function.Consumer<JournalPayload> action) {
        if (payload != null) {
            action.accept(payload);
        }
    }

    /** The typed payload; throws what reading it threw. */
    JournalPayload get() {
        if (failure != null) {
            throw failure;
        }
        return payload;
    }
}
