package org.yishi.sync.protocol;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.journal.TillKeys;

/**
 * The server's Ed25519 signatures over what it tells tills: acknowledgements, and downloads (changes, snapshots,
 * usage) by the SHA-256 of their body. A till pins the server's public key at enrolment and checks every one; the
 * server holds the private key in its data directory, never in git or logs.
 *
 * <p>Download signatures cover {@code yishi-download/1\n<kind>\n<tillId>\n<sha256 hex of the body>\n<change>}, sent
 * as the headers {@link SyncHeaders#BODY_SHA256} and {@link SyncHeaders#SIGNATURE}: a body of hundreds of megabytes
 * is then signed and checked while it streams, never held whole.
 */
public final class ServerSignatures {

    /** First line of a download's signed text. */
    public static final String DOWNLOAD_DOMAIN = "yishi-download/1";

    private ServerSignatures() {
    }

    /** The server's signing side. */
    public static final class Signer {
        private final TillKeys keys;

        public Signer(TillKeys keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        public String keyId() {
            return keys.keyId();
        }

        public PublicKey publicKey() {
            return keys.publicKey();
        }

        /** A signed acknowledgement of {@code seq}/{@code hash} for {@code tillId} at {@code serverTime}. */
        public Acknowledgement acknowledge(String tillId, long seq, String hash, String serverTime) {
            byte[] text = Acknowledgement.signedText(tillId, seq, hash, serverTime);
            return new Acknowledgement(tillId, seq, hash, serverTime, keys.keyId(),
                    Base64.getEncoder().encodeToString(keys.sign(text)));
        }

        /** The base64 signature of a download. */
        public String signDownload(String kind, String tillId, String bodySha256Hex, long change) {
            return Base64.getEncoder().encodeToString(keys.sign(downloadText(kind, tillId, bodySha256Hex, change)));
        }
    }

    /** Whether {@code ack} is signed by {@code serverKey}. */
    public static boolean isSigned(Acknowledgement ack, PublicKey serverKey) {
        return ack.keyId().equals(JournalFormat.keyIdOf(serverKey))
                && verify(serverKey, ack.signedText(), ack.signature());
    }

    /** Whether {@code signatureBase64} signs a download of {@code kind} for {@code tillId} with this body digest. */
    public static boolean isSignedDownload(PublicKey serverKey, String kind, String tillId, String bodySha256Hex,
            long change, String signatureBase64) {
        return verify(serverKey, downloadText(kind, tillId, bodySha256Hex, change), signatureBase64);
    }

    private static boolean verify(PublicKey key, byte[] text, String signatureBase64) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return JournalFormat.verifySignature(key, text, signature);
    }

    static byte[] downloadText(String kind, String tillId, String bodySha256Hex, long change) {
        return (DOWNLOAD_DOMAIN + "\n" + kind + "\n" + tillId + "\n" + bodySha256Hex + "\n" + change)
                .getBytes(StandardCharsets.UTF_8);
    }
}
