package org.yishi.server.journal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.server.common.ChangeCounter;
import org.yishi.server.problem.Problems;
import org.yishi.sync.protocol.Acknowledgement;
import org.yishi.sync.protocol.Heartbeat;
import org.yishi.sync.protocol.HeartbeatReply;
import org.yishi.sync.protocol.JournalBatch;
import org.yishi.sync.protocol.ProblemType;
import org.yishi.sync.protocol.SyncJson;
import org.yishi.sync.protocol.SyncPaths;

/**
 * The upload half of the protocol for tills: {@code POST /api/v1/sync/journal} (a batch → its signed
 * acknowledgement, or a problem with a stable type), {@code GET} (the latest acknowledgement: where to resume), and the
 * heartbeat. A till acts only for itself: a batch naming another till is refused.
 */
@RestController
public class JournalController {

    private final JournalIngest ingest;
    private final IngestGate gate;
    private final JournalMapper records;
    private final ChangeCounter changes;
    private final SyncJson json;
    private final Clock clock;
    private final long maxBatchBytes;
    private final int maxLineChars;
    private final Duration maxSkew;

    public JournalController(JournalIngest ingest, IngestGate gate, JournalMapper records, ChangeCounter changes, SyncJson json, Clock clock,
            @Value("${yishi.sync.max-batch-bytes}") long maxBatchBytes, @Value("${yishi.sync.max-line-chars}") int maxLineChars,
            @Value("${yishi.sync.max-clock-skew}") Duration maxSkew) {
        this.ingest = ingest;
        this.gate = gate;
        this.records = records;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
        this.maxBatchBytes = maxBatchBytes;
        this.maxLineChars = maxLineChars;
        this.maxSkew = maxSkew;
    }

    @PostMapping(SyncPaths.JOURNAL)
    public ResponseEntity<Object> upload(HttpServletRequest request, Principal till) throws IOException {
        String tillId = tillId(till);
        if (request.getContentLengthLong() > maxBatchBytes) {
            return Problems.answer(ProblemType.TOO_LARGE, "a batch is at most " + maxBatchBytes + " bytes; send fewer lines");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBatchBytes + 1));
        }
        if (body.length > maxBatchBytes) {
            return Problems.answer(ProblemType.TOO_LARGE, "a batch is at most " + maxBatchBytes + " bytes; send fewer lines");
        }
        JournalBatch batch = json.read(body, JournalBatch.class);
        if (!batch.tillId().equals(tillId)) {
            return Problems.answer(ProblemType.FORBIDDEN, "this token is till " + tillId + "'s: it cannot upload for " + batch.tillId());
        }
        for (int i = 0; i < batch.lines().size(); i++) {
            String line = batch.lines().get(i);
            if (line.length() > maxLineChars || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                return Problems.answer(ProblemType.MALFORMED, "lines[" + i + "] (seq " + (batch.fromSeq() + i) + ") is "
                        + (line.length() > maxLineChars ? "longer than " + maxLineChars + " characters" : "not one line"),
                        Map.of("seq", batch.fromSeq() + i));
            }
        }
        if (!gate.enter()) {
            return Problems.answer(ProblemType.BUSY, "the server is verifying other tills' batches: send this one again later");
        }
        IngestOutcome outcome;
        try {
            outcome = ingest.ingest(tillId, batch);
        } finally {
            gate.leave();
        }
        if (outcome instanceof IngestOutcome.Acknowledged a) {
            return ResponseEntity.ok(a.ack());
        }
        if (outcome instanceof IngestOutcome.Gap g) {
            return Problems.answer(ProblemType.SEQUENCE_GAP, "the server holds up to seq " + (g.expectedSeq() - 1) + ": send from seq "
                    + g.expectedSeq(), Map.of("expectedSeq", g.expectedSeq()));
        }
        if (outcome instanceof IngestOutcome.Fork f) {
            return Problems.answer(ProblemType.FORK, "seq " + f.seq() + " is held with other bytes: kept as evidence of a fork; nothing"
                    + " of this batch was stored", Map.of("seq", f.seq()));
        }
        if (outcome instanceof IngestOutcome.Refused r) {
            return Problems.answer(ProblemType.VERIFICATION_FAILED, "seq " + r.seq() + ": " + r.message() + " (nothing of this batch was stored)",
                    Map.of("seq", r.seq(), "kind", r.kind()));
        }
        return Problems.answer(ProblemType.NOT_FOUND, "till " + tillId + " is not enrolled");
    }

    @GetMapping(SyncPaths.JOURNAL)
    public ResponseEntity<Object> latest(Principal till) {
        Acknowledgement ack = ingest.latest(tillId(till));
        return ack == null ? Problems.answer(ProblemType.NOT_FOUND, "no till " + tillId(till)) : ResponseEntity.ok(ack);
    }

    @PostMapping(SyncPaths.HEARTBEAT)
    public ResponseEntity<Object> heartbeat(@RequestBody Heartbeat beat, Principal till) {
        String tillId = tillId(till);
        if (!beat.tillId().equals(tillId)) {
            return Problems.answer(ProblemType.FORBIDDEN, "this token is till " + tillId + "'s");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long skew;
        try {
            skew = Duration.between(now, OffsetDateTime.parse(beat.tillTime())).toMillis();
        } catch (java.time.format.DateTimeParseException e) {
            return Problems.answer(ProblemType.MALFORMED, "tillTime is not an ISO-8601 time with offset: " + beat.tillTime());
        }
        boolean flagged = Math.abs(skew) > maxSkew.toMillis();
        if (records.updateHeartbeat(tillId, beat.software(), beat.policyVersion(), beat.registryChange(), beat.recordsWaiting(),
                beat.lastSeq(), beat.tillTime(), now, skew, flagged) == 0) {
            records.insertHeartbeat(tillId, beat.software(), beat.policyVersion(), beat.registryChange(), beat.recordsWaiting(),
                    beat.lastSeq(), beat.tillTime(), now, skew, flagged);
        }
        return ResponseEntity.ok(new HeartbeatReply(org.yishi.core.journal.JournalFormat.formatTime(
                now.atZoneSameInstant(clock.getZone()).toOffsetDateTime()), skew, flagged, changes.current()));
    }

    static String tillId(Principal till) {
        return till.getName().substring("till:".length());
    }
}
