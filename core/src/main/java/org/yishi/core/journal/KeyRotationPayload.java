package org.yishi.core.journal;

import java.security.PublicKey;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * KEY_ROTATION: signed by the key in force, announces the key that signs every later record.
 *
 * @param newKeyId     id of the new key
 * @param newPublicKey base64 X.509 encoding of the new Ed25519 public key
 * @param reason       why (scheduled, suspected compromise, hardware replaced, ...)
 */
public record KeyRotationPayload(String newKeyId, String newPublicKey, String reason) implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("newKeyId", "newPublicKey", "reason");

    public KeyRotationPayload {
        Objects.requireNonNull(newKeyId, "newKeyId");
        Objects.requireNonNull(reason, "reason");
        String derived = JournalFormat.keyIdOf(JournalFormat.decodePublicKey(Objects.requireNonNull(newPublicKey, "newPublicKey")));
        if (!derived.equals(newKeyId)) {
            throw new IllegalArgumentException("newKeyId " + newKeyId + " does not belong to the new public key (its id is " + derived + ")");
        }
    }

    public static KeyRotationPayload of(PublicKey newKey, String reason) {
        return new KeyRotationPayload(JournalFormat.keyIdOf(newKey), JournalFormat.encodePublicKey(newKey), reason);
    }

    public PublicKey newKey() {
        return JournalFormat.decodePublicKey(newPublicKey);
    }

    @Override
    public RecordType type() {
        return RecordType.KEY_ROTATION;
    }

    @Override
    public Map<String, Object> toPayload() {
        return PayloadFields.payload("newKeyId", newKeyId, "newPublicKey", newPublicKey, "reason", reason);
    }

    static KeyRotationPayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS);
        return new KeyRotationPayload(f.text("newKeyId"), f.text("newPublicKey"), f.text("reason"));
    }
}
