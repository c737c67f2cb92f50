package org.yishi.server.journal;

import java.security.PublicKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.core.journal.JournalCheckpoint;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.journal.JournalProblem;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.VerificationReport;
import org.yishi.server.common.ServerBeans;
import org.yishi.sync.protocol.Acknowledgement;
import org.yishi.sync.protocol.JournalBatch;
import org.yishi.sync.protocol.ServerSignatures;

/**
 * Exactly-once ingest of a till's journal lines (docs/sync-protocol.md, "Up"). Per batch, in one transaction: lock the
 * till's state row (uploads of one till are serialised across instances), compare the lines the server already holds
 * byte for byte (a difference is a fork), verify the new ones from the stored verifier state (signature with the
 * registered key or a rotation it honours, chain, seq, canonical form, payload rules), insert them — the primary key
 * (till, seq) is the guarantee — and advance the state. A refused batch stores nothing.
 */
@Service
public class JournalIngest {

    /** Rows per INSERT statement. */
    static final int INSERT_SLICE = 500;

    private final JournalMapper records;
    private final ForkEvidence forks;
    private final ServerSignatures.Signer signer;
    private final Clock clock;

    public JournalIngest(JournalMapper records, ForkEvidence forks, ServerSignatures.Signer signer, Clock clock) {
        this.records = records;
        this.forks = forks;
        this.signer = signer;
        this.clock = clock;
    }

    @Transactional
    public IngestOutcome ingest(String tillId, JournalBatch batch) {
        JournalMapper.HeldState held = records.lock(tillId);
        if (held == null || held.journalKey() == null) {
            return new IngestOutcome.UnknownTill(tillId);
        }
        long expected = held.lastSeq() + 1;
        if (batch.fromSeq() > expected) {
            return new IngestOutcome.Gap(expected);
        }
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < batch.lines().size(); i++) {
            long seq = batch.fromSeq() + i;
            String line = batch.lines().get(i);
            if (seq <= held.lastSeq()) {
                String stored = records.line(tillId, seq);
                if (!line.equals(stored)) {
                    forks.keep(tillId, seq, stored, line, OffsetDateTime.now(clock));
                    return new IngestOutcome.Fork(seq);
                }
            } else {
                fresh.add(line);
            }
        }
        if (fresh.isEmpty()) {
            return new IngestOutcome.Acknowledged(acknowledge(tillId, held.lastSeq(), held.lastHash()), 0);
        }
        VerificationReport report = verifier(tillId, held).verify(fresh);
        if (!report.ok()) {
            JournalProblem p = report.firstProblem().orElseThrow();
            return new IngestOutcome.Refused(p.seq(), p.kind().name(), p.message());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<RecordRow> rows = new ArrayList<>(fresh.size());
        for (String line : fresh) {
            rows.add(RecordRow.of(JournalReader.parseLine(line), line, now, ServerBeans.ZONE));
        }
        // In slices: one statement per slice, well under PostgreSQL's 32,767 parameters (19 a row).
        for (int i = 0; i < rows.size(); i += INSERT_SLICE) {
            records.insertAll(rows.subList(i, Math.min(rows.size(), i + INSERT_SLICE)));
        }
        JournalCheckpoint checkpoint = report.checkpoint().orElseThrow();
        if (records.advance(tillId, held.lastSeq(), report.lastSeq(), report.lastHash(), fresh.size(), checkpoint.toJson(), now) != 1) {
            // The row is locked: another writer cannot have moved it. If it did, the database broke its promise.
            throw new IllegalStateException("till " + tillId + ": journal state moved while locked");
        }
        return new IngestOutcome.Acknowledged(acknowledge(tillId, report.lastSeq(), report.lastHash()), fresh.size());
    }

    /** The latest acknowledgement for a till (seq 0 and the genesis hash when nothing is held yet). */
    @Transactional(readOnly = true)
    public Acknowledgement latest(String tillId) {
        JournalMapper.HeldState held = records.state(tillId);
        return held == null ? null : acknowledge(tillId, held.lastSeq(), held.lastHash());
    }

    private JournalVerifier verifier(String tillId, JournalMapper.HeldState held) {
        if (held.lastSeq() == 0) {
            PublicKey key = JournalFormat.decodePublicKey(held.journalKey());
            return JournalVerifier.builder().trustKey(key).expectTill(tillId).build();
        }
        return JournalVerifier.builder().expectTill(tillId)
                .resumeFrom(JournalCheckpoint.fromJson(held.checkpoint()), new StoredEarlierRecords(records, tillId)).build();
    }

    private Acknowledgement acknowledge(String tillId, long seq, String hash) {
        return signer.acknowledge(tillId, seq, hash,
                JournalFormat.formatTime(OffsetDateTime.now(clock).atZoneSameInstant(ServerBeans.ZONE).toOffsetDateTime()));
    }
}
