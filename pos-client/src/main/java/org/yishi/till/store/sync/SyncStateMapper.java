package org.yishi.till.store.sync;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of the sync state. */
interface SyncStateMapper {

    @Select("SELECT id, last_synced_seq, last_sync_time FROM sync_state WHERE id = 1")
    SyncStateRow get();

    /** Moves forward only, and never past what the journal mirror holds. */
    @Update("UPDATE sync_state SET last_synced_seq = #{seq}, last_sync_time = #{time} WHERE id = 1"
            + " AND last_synced_seq <= #{seq} AND #{seq} <= (SELECT COALESCE(MAX(seq), 0) FROM journal_mirror)")
    int advance(@Param("seq") long seq, @Param("time") OffsetDateTime time);
}
