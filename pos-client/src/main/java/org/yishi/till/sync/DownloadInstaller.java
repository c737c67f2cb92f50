package org.yishi.till.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.yishi.core.journal.JournalFormat;
import org.yishi.sync.protocol.ServerSignatures;
import org.yishi.sync.protocol.SyncHeaders;
import org.yishi.till.config.TillInstaller;
import org.yishi.till.store.TillStore;

/**
 * Installs a download from the server (a snapshot or a page of changes, docs/sync-protocol.md "Zip layout") after
 * checking it: the SHA-256 of the bytes actually received must be the one the server signed, with the key pinned at
 * enrolment. Then the registry rows, staff and policies go in through the till's journalled install paths
 * (REGISTRY_UPDATE, STAFF roster_update, POLICY_UPDATE), and the change number is recorded. A download that fails a
 * check installs nothing.
 */
public final class DownloadInstaller {

    /** Entry names a download may hold: no directories outside policies/ and calendars/, no "..". */
    private static final Pattern ENTRY = Pattern.compile("(policies/|calendars/)?[A-Za-z0-9][A-Za-z0-9._-]{0,100}");

    /** The outcome: installed (with the change it brought the till to), or refused and why. */
    public sealed interface Outcome {
        record Installed(long change, int policies) implements Outcome {
        }

        record Refused(String why) implements Outcome {
        }
    }

    private final PublicKey serverKey;

    public DownloadInstaller(PublicKey serverKey) {
        this.serverKey = serverKey;
    }

    public Outcome install(TillStore store, String kind, String tillId, SyncHttp.Answer answer) {
        String claimed = answer.header(SyncHeaders.BODY_SHA256).orElse("");
        String signature = answer.header(SyncHeaders.SIGNATURE).orElse("");
        long change;
        try {
            change = Long.parseLong(answer.header(SyncHeaders.CHANGE).orElse("-1"));
        } catch (NumberFormatException e) {
            return new Outcome.Refused("the server's " + SyncHeaders.CHANGE + " header is not a number");
        }
        String actual = JournalFormat.sha256Hex(answer.body());
        if (!actual.equals(claimed)) {
            return new Outcome.Refused("the " + kind + " received (" + answer.body().length + " bytes, SHA-256 " + actual
                    + ") is not what the server signed (" + claimed + "): nothing installed");
        }
        if (change < 0 || !ServerSignatures.isSignedDownload(serverKey, kind, tillId, actual, change, signature)) {
            return new Outcome.Refused("the " + kind + "'s signature is not the pinned server key's: nothing installed");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("yishi-download-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            String unpacked = unzip(answer.body(), dir);
            if (unpacked != null) {
                return new Outcome.Refused(unpacked);
            }
            String source = kind + " change " + change;
            TillInstaller.installRegistry(store, dir, source);
            int policies = 0;
            for (Path policy : yaml(dir.resolve("policies"))) {
                TillInstaller.installPolicy(store, policy);
                policies++;
            }
            store.syncServer().installedChange(change);
            return new Outcome.Installed(change, policies);
        } finally {
            delete(dir);
        }
    }

    /** @return why the zip is refused, or null when unpacked */
    private static String unzip(byte[] zip, Path dir) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                if (!ENTRY.matcher(e.getName()).matches() || e.getName().contains("..")) {
                    return "the download holds an entry named \"" + e.getName() + "\", which a download never has: nothing installed";
                }
                Path target = dir.resolve(e.getName()).normalize();
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
            return null;
        } catch (IOException e) {
            return "the download is not a readable zip (" + e.getMessage() + "): nothing installed";
        }
    }

    private static List<Path> yaml(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        // The download held elders' data: it does not outlive its installation.
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory the system cleans up
        }
    }
}
