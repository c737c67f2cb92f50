package org.yishi.core.journal;

import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys a journal announces (TILL_START, KEY_ROTATION), collected by the threads that read lines ahead of the
 * rules so that they can check signatures before the rules know which key is in force. Only a guess: a line read
 * ahead is checked with the candidate named by its {@code keyId}, and the rules use that check only if the key it
 * used is the key in force for the record ({@link Ed25519VerifyKey#is}); otherwise they check the signature
 * themselves. A hostile journal announcing keys that never come into force costs at most {@link #LIMIT} candidates.
 *
 * <p>Thread-safe.
 */
final class KeyCandidates {

    /** A real journal has a handful of keys over its life. */
    static final int LIMIT = 64;

    private final Map<String, Ed25519VerifyKey> byId = new ConcurrentHashMap<>();

    /** Notes {@code key} under {@code keyId}; the first key seen for an id stays (the rules decide which is real). */
    void offer(String keyId, PublicKey key) {
        if (byId.size() < LIMIT && !byId.containsKey(keyId)) {
            try {
                byId.putIfAbsent(keyId, new Ed25519VerifyKey(key));
            } catch (RuntimeException notUsable) {
                // Not an Ed25519 key we can use ahead: only an optimisation lost; the rules report or check it.
            }
        }
    }

    /** Notes the key a record's payload announces, if it announces one. */
    void offer(JournalPayload payload) {
        if (payload instanceof TillStartPayload start) {
            offer(start.keyId(), start.key());
        } else if (payload instanceof KeyRotationPayload rotation) {
            offer(rotation.newKeyId(), rotation.newKey());
        }
    }

    /** The candidate for {@code keyId}, or null. */
    Ed25519VerifyKey get(String keyId) {
        return byId.get(keyId);
    }
}
