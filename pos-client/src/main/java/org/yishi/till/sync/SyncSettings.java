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
 *
 * @param responseTimeout    how long a sync round's request waits for an answer ({@code server.response_timeout_seconds})
 * @param onlineCheckTimeout how long a checkout waits for the online check; zero: never asked
 *                           ({@code server.online_check_timeout_ms})
 * @param offlineAlertAfter  offline this long, the status bar asks for attention ({@code server.offline_alert_minutes})
 */
public record SyncSettings(URI server, PublicKey serverKey, String serverKeyId, String token, java.time.Duration responseTimeout,
        java.time.Duration onlineCheckTimeout, java.time.Duration offlineAlertAfter) {

    public static final String FILE = "sync.properties";
    public static final String TOKEN_FILE = "secrets/sync-token";

    public SyncSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(serverKey, "serverKey");
        Objects.requireNonNull(serverKeyId, "serverKeyId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(onlineCheckTimeout, "onlineCheckTimeout");
        Objects.requireNonNull(offlineAlertAfter, "offlineAlertAfter");
        if (onlineCheckTimeout.isNegative() || onlineCheckTimeout.compareTo(MAX_ONLINE_CHECK_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the online check's timeout must be 0.." + MAX_ONLINE_CHECK_TIMEOUT.toMillis()
                    + " ms (an elder waits for it), found " + onlineCheckTimeout.toMillis() + " ms");
        }
    }

    /** The online check's default wait: short enough that nobody at the counter notices it. */
    public static final java.time.Duration DEFAULT_ONLINE_CHECK_TIMEOUT = java.time.Duration.ofMillis(300);
    /** The longest the online check may be configured to wait. */
    public static final java.time.Duration MAX_ONLINE_CHECK_TIMEOUT = java.time.Duration.ofSeconds(2);
    /** Offline this long by default, the status bar alerts. */
    public static final java.time.Duration DEFAULT_OFFLINE_ALERT = java.time.Duration.ofMinutes(30);

    /** How long a request may wait for the server's answer before the round gives up (default 60 s). */
    public static final java.time.Duration DEFAULT_RESPONSE_TIMEOUT = java.time.Duration.ofSeconds(60);

    public SyncSettings(URI server, PublicKey serverKey, String serverKeyId, String token) {
        this(server, serverKey, serverKeyId, token, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_ONLINE_CHECK_TIMEOUT, DEFAULT_OFFLINE_ALERT);
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
            java.time.Duration timeout = java.time.Duration.ofSeconds(number(p, "server.response_timeout_seconds",
                    DEFAULT_RESPONSE_TIMEOUT.toSeconds(), file));
            java.time.Duration onlineCheck = java.time.Duration.ofMillis(number(p, "server.online_check_timeout_ms",
                    DEFAULT_ONLINE_CHECK_TIMEOUT.toMillis(), file));
            java.time.Duration alert = java.time.Duration.ofMinutes(number(p, "server.offline_alert_minutes", DEFAULT_OFFLINE_ALERT.toMinutes(), file));
            return new SyncSettings(URI.create(require(p, "server.url", file)), JournalFormat.decodePublicKey(require(p, "server.key", file)),
                    require(p, "server.key_id", file), token, timeout, onlineCheck, alert);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " or its token: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes sync.properties and the owner-only token file into {@code dir}. */
    public void save(Path dir) {
        Properties p = new Properties();
        p.setProperty("server.url", server.toString());
        p.setProperty("server.key", JournalFormat.encodePublicKey(serverKey));
        p.setProperty("server.key_id", serverKeyId);
        p.setProperty("server.response_timeout_seconds", String.valueOf(responseTimeout.toSeconds()));
        p.setProperty("server.online_check_timeout_ms", String.valueOf(onlineCheckTimeout.toMillis()));
        p.setProperty("server.offline_alert_minutes", String.valueOf(offlineAlertAfter.toMinutes()));
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

    private static long number(Properties p, String key, long fallback, Path file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) {
                throw new IllegalArgumentException(key + " must not be negative, found " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a whole number: \"" + v.strip() + "\"");
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
