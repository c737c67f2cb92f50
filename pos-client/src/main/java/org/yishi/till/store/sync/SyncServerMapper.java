package org.yishi.till.store.sync;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of {@code sync_server}. */
interface SyncServerMapper {

    /** The row. */
    record Row(long registryChange, long ackSeq, String ackJson, OffsetDateTime lastRoundAt, String lastError, OffsetDateTime lastOkAt) {
    }

    @Select("SELECT registry_change, ack_seq, ack_json, last_round_at, last_error, last_ok_at FROM sync_server WHERE id = 1")
    Row read();

    @Update("UPDATE sync_server SET registry_change = #{change} WHERE id = 1 AND registry_change < #{change}")
    int advanceChange(long change);

    /** Never backwards: an older acknowledgement arriving late changes nothing. */
    @Update("UPDATE sync_server SET ack_seq = #{seq}, ack_json = #{json} WHERE id = 1 AND ack_seq <= #{seq}")
    int keepAck(@Param("seq") long seq, @Param("json") String json);

    @Update("UPDATE sync_server SET last_round_at = #{at}, last_error = #{error},"
            + " last_ok_at = CASE WHEN #{error} IS NULL THEN #{at} ELSE last_ok_at END WHERE id = 1")
    int roundDone(@Param("at") OffsetDateTime at, @Param("error") String error);
}
