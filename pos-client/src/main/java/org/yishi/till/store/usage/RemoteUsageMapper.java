package org.yishi.till.store.usage;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of the other tills' usage. */
interface RemoteUsageMapper {

    /**
     * Stores a sale by its origin: a page received twice changes nothing, and a reversal already recorded stays
     * (the column is not in the list).
     */
    @Insert("MERGE INTO remote_usage (origin_till, origin_seq, elder_id, sale_time, meal_slot, channel, subsidy_fen, rule_ids,"
            + " provider_rule_ids) KEY (origin_till, origin_seq) VALUES (#{tillId}, #{seq}, #{elderId}, #{saleTime}, #{mealSlot},"
            + " #{channel}, #{subsidyFen}, #{ruleIds}, #{providerRuleIds})")
    int upsert(RemoteSaleRow row);

    @Update("UPDATE remote_usage SET reversed_by_seq = #{reversalSeq} WHERE origin_till = #{tillId} AND origin_seq = #{saleSeq}")
    int markReversed(@Param("tillId") String tillId, @Param("saleSeq") long saleSeq, @Param("reversalSeq") long reversalSeq);

    @Select("SELECT origin_till AS till_id, origin_seq AS seq, elder_id, sale_time, meal_slot, channel, subsidy_fen, rule_ids, provider_rule_ids"
            + " FROM remote_usage WHERE elder_id = #{elderId} AND sale_time >= #{from} AND sale_time < #{to}"
            + " AND reversed_by_seq IS NULL ORDER BY sale_time, origin_till, origin_seq")
    List<RemoteSaleRow> unreversed(@Param("elderId") String elderId, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    @Select("SELECT origin_till, seen_up_to FROM remote_usage_cursor ORDER BY origin_till")
    List<CursorRow> cursors();

    @Insert("MERGE INTO remote_usage_cursor (origin_till, seen_up_to) KEY (origin_till) VALUES (#{tillId}, #{seenUpTo})")
    int setCursor(@Param("tillId") String tillId, @Param("seenUpTo") long seenUpTo);

    @Delete("DELETE FROM remote_usage WHERE sale_time < #{before}")
    int pruneBefore(LocalDateTime before);

    @Select("SELECT COUNT(*) FROM remote_usage")
    long count();

    /** A cursor row. */
    record CursorRow(String originTill, long seenUpTo) {
    }
}
