package org.yishi.till.store.sync;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.yishi.till.store.TillDatabase;

/**
 * What the till keeps of its settlement server: the registry change installed (the next {@code changes?since=}), the
 * latest signed acknowledgement (JSON as received: the till's outside anchor for {@code journal verify --anchor}),
 * how the last round ended, and when one last completed without a problem.
 */
public final class SyncServerState {

    /** A snapshot of the row. */
    public record State(long registryChange, long acknowledgedSeq, Optional<String> acknowledgementJson, Optional<Instant> lastRound,
            Optional<String> lastError, Optional<Instant> lastCompleted) {
    }

    private final TillDatabase db;

    public SyncServerState(TillDatabase db) {
        this.db = db;
        db.addMapper(SyncServerMapper.class);
    }

    public State read() {
        try (SqlSession s = db.sessions().openSession()) {
            SyncServerMapper.Row r = s.getMapper(SyncServerMapper.class).read();
            return new State(r.registryChange(), r.ackSeq(), Optional.ofNullable(r.ackJson()),
                    Optional.ofNullable(r.lastRoundAt()).map(java.time.OffsetDateTime::toInstant), Optional.ofNullable(r.lastError()),
                    Optional.ofNullable(r.lastOkAt()).map(java.time.OffsetDateTime::toInstant));
        }
    }

    public void installedChange(long change) {
        update(m -> m.advanceChange(change));
    }

    /** Keeps a verified acknowledgement unless a later one is held. */
    public void keepAcknowledgement(long seq, String json) {
        update(m -> m.keepAck(seq, json));
    }

    public void roundDone(Instant at, String errorOrNull) {
        update(m -> m.roundDone(at.atOffset(ZoneOffset.UTC), errorOrNull == null || errorOrNull.length() <= 1000 ? errorOrNull
                : errorOrNull.substring(0, 1000)));
    }

    private void update(java.util.function.ToIntFunction<SyncServerMapper> change) {
        try (SqlSession s = db.sessions().openSession()) {
            change.applyAsInt(s.getMapper(SyncServerMapper.class));
            s.commit();
        }
    }
}
