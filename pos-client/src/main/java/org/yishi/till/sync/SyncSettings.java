package org.yishi.till.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Properties;
import org.yishi.core.journal.JournalFormat;

/**
 * Where an enrolled till syncs to: {@code sync.properties} beside its {@code till.yaml} (server URL, the server's signing
 * key pinned at enrolment — public, not secret) and the API token in {@code secrets/sync-token} (owner-only; never in
 * till.yaml, never logged). {@code toString} leaves the token out.
 */
public record SyncSettings(URI server, PublicKey serverKey, String serverKeyId, String token, java.time.Duration responseTimeout) {

    public static final String FILE = "sync.properties";
    public static final String TOKEN_FILE = "secrets/sync-token";

    public SyncSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(serverKey, "serverKey");
        Objects.requireNonNull(serverKeyId, "serverKeyId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /** How long a request may wait for the server's answer before the round gives up (default 60 s). */
    public static final java.time.Duration DEFAULT_RESPONSE_TIMEOUT = java.time.Duration.ofSeconds(60);

    public SyncSettings(URI server, PublicKey serverKey, String serverKeyId, String token) {
        this(server, serverKey, serverKeyId, token, DEFAULT_RESPONSE_TIMEOUT);
    }

    /** The settings of the till configured in {@code configFile} ({@code DIR/till.yaml} → {@code DIR/sync.properties}). */
    public static SyncSettings beside(Path configFile) {
        Path dir = configFile.toAbsolutePath().getParent();
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("this till is not enrolled with a settlement server: no " + file
                    + " (enrol it with ./yishi till enroll --server URL --code CODE --dir DIR)");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            String token = Files.readString(dir.resolve(TOKEN_FILE), StandardCharsets.UTF_8).strip();
            java.time.Duration timeout = java.time.Duration.ofSeconds(Long.parseLong(p.getProperty("server.response_timeout_seconds",
                    String.valueOf(DEFAULT_RESPONSE_TIMEOUT.toSeconds())).strip()));
            return new SyncSettings(URI.create(require(p, "server.url", file)), JournalFormat.decodePublicKey(require(p, "server.key", file)),
                    require(p, "server.key_id", file), token, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " or its token: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + ": server.response_timeout_seconds is not a whole number of seconds");
        }
    }

    /** Writes sync.properties and the owner-only token file into {@code dir}. */
    public void save(Path dir) {
        Properties p = new Properties();
        p.setProperty("server.url", server.toString());
        p.setProperty("server.key", JournalFormat.encodePublicKey(serverKey));
        p.setProperty("server.key_id", serverKeyId);
        p.setProperty("server.response_timeout_seconds", String.valueOf(responseTimeout.toSeconds()));
        try {
            try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
                p.store(out, "Yishi till: the settlement server this till syncs with (docs/sync-protocol.md). Written by till enroll.");
            }
            Path token = dir.resolve(TOKEN_FILE);
            Files.createDirectories(token.getParent());
            try {
                Files.createFile(token, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(token);
            }
            Files.writeString(token, this.token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sync settings into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String require(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(file + " has no " + key);
        }
        return v.strip();
    }

    @Override
    public String toString() {
        return "SyncSettings[server=" + server + ", serverKeyId=" + serverKeyId + ", token=<hidden>]";
    }
}
