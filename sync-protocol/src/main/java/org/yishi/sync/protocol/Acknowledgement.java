package org.yishi.sync.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The server's signed statement that it holds every record of {@code tillId} up to {@code seq}, contiguous, the last
 * with {@code hash}. A till keeps the latest one (its outside anchor: {@code journal verify --anchor}); an exact replay
 * of a batch returns an acknowledgement for the same records.
 *
 * @param tillId     the till
 * @param seq        highest contiguous seq the server holds (0: none yet)
 * @param hash       that record's hash (the genesis {@code prev}, 64 zeros, when seq is 0)
 * @param serverTime when the server said so, canonical journal time ({@code 2026-12-03T12:00:00.000+08:00})
 * @param keyId      the server signing key's id ({@code JournalFormat.keyIdOf})
 * @param signature  base64 Ed25519 signature of {@link #signedText()} by that key
 */
public record Acknowledgement(String tillId, long seq, String hash, String serverTime, String keyId, String signature) {

    /** First line of the signed text: names what is signed, so an acknowledgement's signature means nothing else. */
    public static final String DOMAIN = "yishi-ack/1";

    public Acknowledgement {
        Objects.requireNonNull(tillId, "tillId");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative, found " + seq);
        }
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(serverTime, "serverTime");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
    }

    /** The bytes the signature covers: {@code yishi-ack/1\n<tillId>\n<seq>\n<hash>\n<serverTime>}. */
    public byte[] signedText() {
        return signedText(tillId, seq, hash, serverTime);
    }

    static byte[] signedText(String tillId, long seq, String hash, String serverTime) {
        return (DOMAIN + "\n" + tillId + "\n" + seq + "\n" + hash + "\n" + serverTime).getBytes(StandardCharsets.UTF_8);
    }
}
