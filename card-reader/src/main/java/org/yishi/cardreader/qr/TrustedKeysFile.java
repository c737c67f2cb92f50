package org.yishi.cardreader.qr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The QR public keys a till trusts: one {@code keyId=base64} line per key (the line {@code qr keygen} writes to
 * its .pub file); several ids are trusted together while keys rotate. Blank lines and {@code #} comments are
 * allowed.
 */
public final class TrustedKeysFile {

    private TrustedKeysFile() {
    }

    /**
     * Reads the file.
     *
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException naming file and line, for a malformed line, a bad key, a repeated id or no
     *                                  key at all
     */
    public static Map<String, PublicKey> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + ": expected keyId=base64 public key");
            }
            String id = line.substring(0, eq).strip();
            if (!IssuingKeyFile.validKeyId(id)) {
                throw new IllegalArgumentException(where + ": key id must be 1-16 of [A-Za-z0-9_-]: \"" + id + "\"");
            }
            PublicKey key;
            try {
                key = QrKeys.publicKeyFromBase64(line.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": key " + id + ": " + e.getMessage(), e);
            }
            if (keys.putIfAbsent(id, key) != null) {
                throw new IllegalArgumentException(where + ": key id " + id + " appears twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(file + ": no keys (expected keyId=base64 lines)");
        }
        return Map.copyOf(keys);
    }
}
