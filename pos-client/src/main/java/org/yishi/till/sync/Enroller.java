package org.yishi.till.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.hc.core5.util.Timeout;
import org.yishi.core.journal.JournalFormat;
import org.yishi.sync.protocol.Enrolment;
import org.yishi.sync.protocol.EnrolmentRequest;
import org.yishi.sync.protocol.MalformedMessageException;
import org.yishi.sync.protocol.ProblemType;
import org.yishi.sync.protocol.SyncJson;
import org.yishi.sync.protocol.SyncPaths;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;

/**
 * {@code till enroll}: makes a new till in a directory from a one-time code — its journal key (registered with the
 * server), the API token (owner-only file), the server key pinned, {@code till.yaml}, and the full snapshot installed
 * through the journalled paths. A directory that already holds a till is refused: a journal is never overwritten.
 */
public final class Enroller {

    /** How an enrolment ended. */
    public sealed interface Outcome {
        record Enrolled(String tillId, String canteenId, String policyId, long change, Path config) implements Outcome {
        }

        /** Refused, in words; nothing that matters was left behind (a half-made directory says so). */
        record Refused(String why) implements Outcome {
        }
    }

    private final SyncJson json = new SyncJson();
    private final Clock clock;

    public Enroller(Clock clock) {
        this.clock = clock;
    }

    public Outcome enroll(URI server, String code, Path dir, String tillId) {
        Path config = dir.resolve("till.yaml");
        if (Files.exists(config) || Files.exists(dir.resolve("data"))) {
            return new Outcome.Refused(dir + " already holds a till (till.yaml or data/): enrol into a new directory");
        }
        TillDataDirectory data = new TillDataDirectory(dir.resolve("data"));
        Enrolment enrolment;
        String journalKey;
        try (TillStore store = TillStore.open(data, tillId, clock)) {
            journalKey = store.keyHistory().current().publicKey();
        }
        try (SyncHttp http = new SyncHttp(server, null, Timeout.ofSeconds(5), Timeout.ofSeconds(30))) {
            SyncHttp.Answer a = http.postJson(SyncPaths.ENROL, json.writeBytes(new EnrolmentRequest(tillId, code, journalKey)));
            if (a.status() != 200) {
                return new Outcome.Refused(refusal(a));
            }
            enrolment = json.read(a.body(), Enrolment.class);
        } catch (IOException e) {
            return new Outcome.Refused("the server " + server + " cannot be reached: " + e.getMessage());
        } catch (MalformedMessageException e) {
            return new Outcome.Refused("the server's answer is not an enrolment: " + e.getMessage());
        }
        SyncSettings settings = new SyncSettings(server, JournalFormat.decodePublicKey(enrolment.serverKey()), enrolment.serverKeyId(),
                enrolment.token());
        try {
            Files.createDirectories(dir);
            settings.save(dir);
            Files.writeString(config, "# Written by ./yishi till enroll (docs/till-config.md). The server is in sync.properties.\n"
                    + "till_id: " + tillId + "\ncanteen_id: " + enrolment.canteenId() + "\npolicy_id: " + enrolment.policyId()
                    + "\nzone: Asia/Shanghai\ndata_dir: data\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (SyncHttp http = SyncHttp.forDownloads(settings); TillStore store = TillStore.open(data, tillId, clock)) {
            SyncHttp.Answer snapshot = http.get(SyncPaths.SNAPSHOT);
            if (snapshot.status() != 200) {
                return new Outcome.Refused("enrolled, but the snapshot was refused: " + refusal(snapshot)
                        + "; run ./yishi till sync --config " + config + " to fetch it");
            }
            DownloadInstaller.Outcome installed = new DownloadInstaller(settings.serverKey()).install(store, "snapshot", tillId, snapshot);
            if (installed instanceof DownloadInstaller.Outcome.Refused r) {
                return new Outcome.Refused("enrolled, but " + r.why());
            }
            return new Outcome.Enrolled(tillId, enrolment.canteenId(), enrolment.policyId(),
                    ((DownloadInstaller.Outcome.Installed) installed).change(), config);
        } catch (IOException e) {
            return new Outcome.Refused("enrolled, but the snapshot could not be fetched (" + e.getMessage() + "); run ./yishi till sync --config "
                    + config);
        }
    }

    /** A refusal's words: the problem's type and detail. */
    static String refusal(SyncHttp.Answer a) {
        String body = a.text();
        String detail = body.length() > 500 ? body.substring(0, 500) : body;
        try {
            var node = new SyncJson().mapper().readTree(body);
            String type = node.path("type").asString("");
            String slug = ProblemType.of(type).map(ProblemType::slug).orElse("HTTP " + a.status());
            return slug + ": " + node.path("detail").asString(detail);
        } catch (RuntimeException notJson) {
            return "HTTP " + a.status() + ": " + detail;
        }
    }
}
