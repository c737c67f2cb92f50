package org.yishi.sync.protocol;

import java.util.Objects;

/**
 * A new till asking to be enrolled with the one-time code an administrator gave for it.
 *
 * @param tillId     the till the code was made for
 * @param code       the one-time enrolment code
 * @param journalKey the till's journal public key (base64 X.509, as in {@code TILL_START}); the server registers it
 */
public record EnrolmentRequest(String tillId, String code, String journalKey) {
    public EnrolmentRequest {
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(journalKey, "journalKey");
    }

    /** The code never appears in logs or {@code toString}. */
    @Override
    public String toString() {
        return "EnrolmentRequest[tillId=" + tillId + ", code=<hidden>, journalKey=" + journalKey + "]";
    }
}
