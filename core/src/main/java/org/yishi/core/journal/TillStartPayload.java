package org.yishi.core.journal;

import java.security.PublicKey;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * TILL_START: the first record, announcing the till's signing key (it is signed by that same key).
 *
 * @param keyId     {@link JournalFormat#keyIdOf(PublicKey)} of the key
 * @param publicKey base64 X.509 SubjectPublicKeyInfo of the Ed25519 public key
 */
public record TillStartPayload(String keyId, String publicKey) implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("keyId", "publicKey");

    public TillStartPayload {
        Objects.requireNonNull(keyId, "keyId");
        String derived = JournalFormat.keyIdOf(JournalFormat.decodePublicKey(Objects.requireNonNull(publicKey, "publicKey")));
        if (!derived.equals(keyId)) {
            throw new IllegalArgumentException("keyId " + keyId + " does not belong to the public key (its id is " + derived + ")");
        }
    }

    public static TillStartPayload of(PublicKey key) {
        return new TillStartPayload(JournalFormat.keyIdOf(key), JournalFormat.encodePublicKey(key));
    }

    /** The announced key. */
    public PublicKey key() {
        return JournalFormat.decodePublicKey(publicKey);
    }

    @Override
    public RecordType type() {
        return RecordType.TILL_START;
    }

    @Override
    public Map<String, Object> toPayload() {
        return PayloadFields.payload("keyId", keyId, "publicKey", publicKey);
    }

    static TillStartPayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS);
        return new TillStartPayload(f.text("keyId"), f.text("publicKey"));
    }
}
