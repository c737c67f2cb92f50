package org.yishi.sync.protocol;

import java.util.Objects;

/**
 * What an enrolled till keeps: its API token (shown once; the server stores only its hash) and the server's signing
 * key to pin.
 *
 * @param tillId     the till
 * @param canteenId  its canteen
 * @param policyId   the subsidy policy the canteen sells under
 * @param token      bearer token for every later request
 * @param serverKey  the server's signing public key (base64 X.509)
 * @param serverKeyId its id
 * @param serverTime the server's clock at enrolment (canonical journal time)
 */
public record Enrolment(String tillId, String canteenId, String policyId, String token, String serverKey,
        String serverKeyId, String serverTime) {
    public Enrolment {
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(canteenId, "canteenId");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(serverKey, "serverKey");
        Objects.requireNonNull(serverKeyId, "serverKeyId");
        Objects.requireNonNull(serverTime, "serverTime");
    }

    /** The token never appears in logs or {@code toString}. */
    @Override
    public String toString() {
        return "Enrolment[tillId=" + tillId + ", canteenId=" + canteenId + ", policyId=" + policyId
                + ", token=<hidden>, serverKeyId=" + serverKeyId + ", serverTime=" + serverTime + "]";
    }
}
