package org.yishi.till.store.sync;

import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.ibatis.session.SqlSession;
import org.yishi.till.store.TillDatabase;

/**
 * The sync client's progress. Kept in the rebuildable database: after a rebuild it is back at 0 and the till sends
 * its journal again from the start, which the server must accept idempotently (it keys records by till and seq).
 */
public final class SyncStateStore {

    private final TillDatabase db;

    public SyncStateStore(TillDatabase db) {
        this.db = db;
        db.addMapper(SyncStateMapper.class);
    }

    public SyncState state() {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(SyncStateMapper.class).get().toState();
        }
    }

    /**
     * Records that the server has acknowledged everything up to {@code seq}.
     *
     * @throws IllegalArgumentException if {@code seq} is below the current mark or beyond the journal mirror
     */
    public void markSynced(long seq, Instant at) {
        try (SqlSession s = db.sessions().openSession()) {
            if (s.getMapper(SyncStateMapper.class).advance(seq, at.atOffset(ZoneOffset.UTC)) != 1) {
                throw new IllegalArgumentException("cannot mark seq " + seq + " synced: it is below the current mark "
                        + state().lastSyncedSeq() + " or beyond the journal mirror");
            }
            s.commit();
        }
    }
}
