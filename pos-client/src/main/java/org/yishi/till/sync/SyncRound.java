package org.yishi.till.sync;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.journal.OfflineEndPayload;
import org.yishi.core.journal.OfflineStartPayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.sync.protocol.Acknowledgement;
import org.yishi.sync.protocol.Heartbeat;
import org.yishi.sync.protocol.JournalBatch;
import org.yishi.sync.protocol.MalformedMessageException;
import org.yishi.sync.protocol.ProblemType;
import org.yishi.sync.protocol.ServerSignatures;
import org.yishi.sync.protocol.SyncJson;
import org.yishi.sync.protocol.SyncPaths;
import org.yishi.sync.protocol.UsagePage;
import org.yishi.sync.protocol.UsageRequest;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.ledger.LimitSpan;

/**
 * One sync round (docs/sync-protocol.md): the journal up from where the server's latest acknowledgement ends (the
 * server's idempotency makes resending safe, so a crash or a rebuilt database costs a resend, never a record), then
 * registry, staff and policy changes down, then other tills' usage, then a heartbeat. Every acknowledgement is checked
 * against the pinned server key before it is kept. A refusal stops the round and is reported in words; the till keeps
 * selling whatever happens here. A server that cannot be reached (or answers 5xx) is journalled as OFFLINE_START, the
 * next round that reaches it as OFFLINE_END, uploaded in that same round.
 */
public final class SyncRound {

    /** Lines per upload: well under the server's batch limits (JournalBatch.MAX_LINES, 8 MiB). */
    public static final int BATCH_LINES = 500;

    /** How a round ended. */
    public record Result(long localLastSeq, long acknowledgedSeq, int uploaded, long registryChange, int usageSales,
            Optional<String> problem) {
        /** Everything acknowledged and nothing refused. */
        public boolean complete() {
            return problem.isEmpty() && acknowledgedSeq >= localLastSeq;
        }

        public long waiting() {
            return Math.max(0, localLastSeq - acknowledgedSeq);
        }
    }

    private final SyncJson json = new SyncJson();
    private final Clock clock;
    private final String software;

    public SyncRound(Clock clock, String software) {
        this.clock = clock;
        this.software = software;
    }

    public Result run(TillStore store, SyncSettings settings, String tillId) {
        long last = store.journal().lastSeq();
        long acked = store.syncServer().read().acknowledgedSeq();
        int uploaded = 0;
        int usage = 0;
        String problem = null;
        try (SyncHttp http = SyncHttp.of(settings)) {
            SyncHttp.Answer latest = http.get(SyncPaths.JOURNAL);
            if (latest.status() >= 500) {
                problem = "the server " + settings.server() + " is not working: " + Enroller.refusal(latest);
                wentOffline(store, problem);
            } else if (latest.status() != 200) {
                problem = Enroller.refusal(latest);
            } else {
                if (backOnline(store)) {
                    last = store.journal().lastSeq(); // the OFFLINE_END goes up in this round
                }
                Acknowledgement ack = checked(latest, settings, tillId);
                keep(store, ack);
                acked = ack.seq();
                long from = ack.seq() + 1;
                while (problem == null && from <= last) {
                    long to = Math.min(last, from + BATCH_LINES - 1);
                    List<String> lines = store.journal().readRange(from, to).stream().map(SignedRecord::line).toList();
                    SyncHttp.Answer a = http.postJson(SyncPaths.JOURNAL, json.writeBytes(new JournalBatch(tillId, from, lines)));
                    if (a.status() == 200) {
                        Acknowledgement next = checked(a, settings, tillId);
                        keep(store, next);
                        acked = next.seq();
                        uploaded += (int) Math.max(0, next.seq() - from + 1);
                        from = next.seq() + 1;
                    } else if (a.status() == 409 && problemType(a).filter(ProblemType.SEQUENCE_GAP::equals).isPresent()) {
                        from = json.mapper().readTree(a.body()).path("expectedSeq").asLong(from);
                    } else {
                        problem = Enroller.refusal(a);
                    }
                }
            }
            if (problem == null) {
                try (SyncHttp downloads = SyncHttp.forDownloads(settings)) {
                    problem = down(store, settings, tillId, downloads);
                }
            }
            if (problem == null) {
                usage = usage(store, http);
            }
            if (problem == null) {
                http.postJson(SyncPaths.HEARTBEAT, json.writeBytes(new Heartbeat(tillId, software, "", store.syncServer().read().registryChange(),
                        Math.max(0, last - acked), last, JournalFormat.formatTime(java.time.OffsetDateTime.now(clock)))));
            }
        } catch (IOException e) {
            problem = "the server " + settings.server() + " cannot be reached: " + e.getMessage();
            wentOffline(store, problem);
        } catch (MalformedMessageException | IllegalStateException e) {
            problem = e.getMessage();
        }
        store.syncServer().roundDone(clock.instant(), problem);
        return new Result(last, acked, uploaded, store.syncServer().read().registryChange(), usage, Optional.ofNullable(problem));
    }

    /** Journals OFFLINE_START unless the till is offline already: sales from now on carry {@code offline: true}. */
    private static void wentOffline(TillStore store, String why) {
        if (store.journal().offlineSinceSeq().isEmpty()) {
            store.journal().append(new OfflineStartPayload(why.length() > 200 ? why.substring(0, 200) : why));
        }
    }

    /** Journals OFFLINE_END if the till was offline; @return whether it was. */
    private static boolean backOnline(TillStore store) {
        java.util.OptionalLong since = store.journal().offlineSinceSeq();
        if (since.isEmpty()) {
            return false;
        }
        store.journal().append(new OfflineEndPayload(since.getAsLong()));
        return true;
    }

    private String down(TillStore store, SyncSettings settings, String tillId, SyncHttp http) throws IOException {
        DownloadInstaller installer = new DownloadInstaller(settings.serverKey());
        for (int page = 0; page < 1000; page++) {
            long since = store.syncServer().read().registryChange();
            SyncHttp.Answer a = http.get(SyncPaths.CHANGES + "?since=" + since);
            if (a.status() == 204) {
                return null;
            }
            if (a.status() != 200) {
                return Enroller.refusal(a);
            }
            DownloadInstaller.Outcome o = installer.install(store, "changes", tillId, a);
            if (o instanceof DownloadInstaller.Outcome.Refused r) {
                return r.why();
            }
            if (!"true".equals(a.header(org.yishi.sync.protocol.SyncHeaders.MORE).orElse("false"))) {
                return null;
            }
        }
        return null;
    }

    private int usage(TillStore store, SyncHttp http) throws IOException {
        LocalDate today = LocalDate.now(clock);
        String windowStart = JournalFormat.formatTime(LimitSpan.around(today).from().atZone(clock.getZone()).toOffsetDateTime());
        int sales = 0;
        for (int page = 0; page < 1000; page++) {
            SyncHttp.Answer a = http.postJson(SyncPaths.USAGE, json.writeBytes(new UsageRequest(store.remoteUsage().seenUpTo(), windowStart, 5000)));
            if (a.status() != 200) {
                throw new IllegalStateException("usage from other tills refused: " + Enroller.refusal(a));
            }
            UsagePage p = json.read(a.body(), UsagePage.class);
            sales += store.remoteUsage().apply(p).sales();
            if (!p.more()) {
                break;
            }
        }
        return sales;
    }

    private Acknowledgement checked(SyncHttp.Answer a, SyncSettings settings, String tillId) {
        Acknowledgement ack = json.read(a.body(), Acknowledgement.class);
        if (!ack.tillId().equals(tillId) || !ServerSignatures.isSigned(ack, settings.serverKey())) {
            throw new IllegalStateException("an acknowledgement is not signed by the pinned server key (or is another till's): not kept");
        }
        return ack;
    }

    private void keep(TillStore store, Acknowledgement ack) {
        store.syncServer().keepAcknowledgement(ack.seq(), json.write(ack));
    }

    private Optional<ProblemType> problemType(SyncHttp.Answer a) {
        try {
            return ProblemType.of(json.mapper().readTree(a.body()).path("type").asString(""));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
