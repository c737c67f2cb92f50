package org.yishi.server.journal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of journal ingest: the per-till state row (locked per batch), the records, fork evidence, heartbeats. */
@Mapper
public interface JournalMapper {

    /** What the server holds of a till's journal, and the key it registered at enrolment. */
    record HeldState(String tillId, String status, String journalKey, long lastSeq, String lastHash, long records, String checkpoint) {
    }

    /**
     * Locks the till's state row for the batch's transaction: uploads of one till are serialised across all server
     * instances; different tills never wait for each other.
     */
    @Select("SELECT s.till_id, t.status, t.journal_key, s.last_seq, s.last_hash, s.records, s.checkpoint FROM till_journal_state s"
            + " JOIN till t ON t.till_id = s.till_id WHERE s.till_id = #{tillId} FOR UPDATE")
    HeldState lock(String tillId);

    @Select("SELECT s.till_id, t.status, t.journal_key, s.last_seq, s.last_hash, s.records, s.checkpoint FROM till_journal_state s"
            + " JOIN till t ON t.till_id = s.till_id WHERE s.till_id = #{tillId}")
    HeldState state(String tillId);

    @Update("UPDATE till_journal_state SET last_seq = #{lastSeq}, last_hash = #{lastHash}, records = records + #{added},"
            + " checkpoint = #{checkpoint}, updated_at = #{at} WHERE till_id = #{tillId} AND last_seq = #{fromSeq}")
    int advance(@Param("tillId") String tillId, @Param("fromSeq") long fromSeq, @Param("lastSeq") long lastSeq,
            @Param("lastHash") String lastHash, @Param("added") long added, @Param("checkpoint") String checkpoint,
            @Param("at") OffsetDateTime at);

    /** Many records in one statement (one round trip for a batch; the primary key still guards every row). */
    @Insert("<script>INSERT INTO journal_record (till_id, seq, record_type, record_time, hash, line, received_at, refers_to, receipt_no,"
            + " bill_id, elder_id, meal_day, meal_slot, channel, subsidy_fen, provider_fen, rule_ids, provider_rule_ids, offline) VALUES"
            + " <foreach collection='rows' item='r' separator=','>(#{r.tillId}, #{r.seq}, #{r.recordType}, #{r.recordTime}, #{r.hash},"
            + " #{r.line}, #{r.receivedAt}, #{r.refersTo}, #{r.receiptNo}, #{r.billId}, #{r.elderId}, #{r.mealDay}, #{r.mealSlot},"
            + " #{r.channel}, #{r.subsidyFen}, #{r.providerFen}, #{r.ruleIds}, #{r.providerRuleIds}, #{r.offline})</foreach></script>")
    int insertAll(@Param("rows") List<RecordRow> rows);

    @Select("SELECT line FROM journal_record WHERE till_id = #{tillId} AND seq = #{seq}")
    String line(@Param("tillId") String tillId, @Param("seq") long seq);

    @Select("SELECT record_type FROM journal_record WHERE till_id = #{tillId} AND seq = #{seq}")
    String typeAt(@Param("tillId") String tillId, @Param("seq") long seq);

    /** A record naming another (VOID, REFUND, REPRINT, SATISFACTION): its seq and type. */
    record Reference(long seq, String recordType) {
    }

    @Select("SELECT seq, record_type FROM journal_record WHERE till_id = #{tillId} AND refers_to = #{seq} ORDER BY seq")
    List<Reference> referencesTo(@Param("tillId") String tillId, @Param("seq") long seq);

    @Select("SELECT COUNT(*) FROM journal_record WHERE till_id = #{tillId} AND record_type = 'SALE' AND receipt_no = #{receiptNo}")
    long receiptCount(@Param("tillId") String tillId, @Param("receiptNo") String receiptNo);

    @Select("SELECT COUNT(*) FROM journal_record WHERE till_id = #{tillId} AND record_type = 'SALE' AND bill_id = #{billId}")
    long billCount(@Param("tillId") String tillId, @Param("billId") String billId);

    @Insert("INSERT INTO journal_fork_evidence (till_id, seq, held_line, offered_line, received_at) VALUES (#{tillId}, #{seq}, #{held},"
            + " #{offered}, #{at})")
    int insertFork(@Param("tillId") String tillId, @Param("seq") long seq, @Param("held") String held, @Param("offered") String offered,
            @Param("at") OffsetDateTime at);

    @Select("SELECT COUNT(*) FROM journal_record WHERE till_id = #{tillId}")
    long countRecords(String tillId);

    // usage across tills

    /** A sale or reversal as the usage of other tills needs it. */
    record UsageRow(String tillId, long seq, String recordType, OffsetDateTime recordTime, String elderId, String mealSlot,
            String channel, Long subsidyFen, Long providerFen, String ruleIds, String providerRuleIds, Long refersTo) {
    }

    @Select("SELECT till_id, last_seq FROM till_journal_state WHERE till_id <> #{tillId} AND last_seq > 0 ORDER BY till_id")
    List<TillSeq> otherTills(String tillId);

    /** A till and a seq. */
    record TillSeq(String tillId, long lastSeq) {
    }

    @Select("SELECT till_id, seq, record_type, record_time, elder_id, meal_slot, channel, subsidy_fen, provider_fen, rule_ids,"
            + " provider_rule_ids, refers_to FROM journal_record WHERE till_id = #{tillId} AND seq > #{after} AND seq <= #{upTo}"
            + " AND ((record_type = 'SALE' AND record_time >= #{windowStart} AND (subsidy_fen > 0 OR provider_fen > 0))"
            + " OR record_type IN ('VOID', 'REFUND')) ORDER BY seq LIMIT #{limit}")
    List<UsageRow> usage(@Param("tillId") String tillId, @Param("after") long after, @Param("upTo") long upTo,
            @Param("windowStart") OffsetDateTime windowStart, @Param("limit") int limit);

    /**
     * The online check: one elder's subsidised sales at tills other than {@code tillId} since {@code windowStart}
     * ({@code fromDay} is its day, for the elder-and-day index), oldest first.
     */
    @Select("SELECT till_id, seq, record_type, record_time, elder_id, meal_slot, channel, subsidy_fen, provider_fen, rule_ids,"
            + " provider_rule_ids, refers_to FROM journal_record WHERE elder_id = #{elderId} AND meal_day >= #{fromDay}"
            + " AND till_id <> #{tillId} AND record_type = 'SALE' AND record_time >= #{windowStart}"
            + " AND (subsidy_fen > 0 OR provider_fen > 0) ORDER BY record_time, till_id, seq LIMIT #{limit}")
    List<UsageRow> elderUsage(@Param("tillId") String tillId, @Param("elderId") String elderId, @Param("fromDay") LocalDate fromDay,
            @Param("windowStart") OffsetDateTime windowStart, @Param("limit") int limit);

    /** The voids and refunds of the sales {@link #elderUsage} finds. */
    @Select("SELECT v.till_id, v.seq, v.record_type, v.record_time, s.elder_id, s.meal_slot, s.channel, s.subsidy_fen, s.provider_fen,"
            + " s.rule_ids, s.provider_rule_ids, v.refers_to FROM journal_record s JOIN journal_record v ON v.till_id = s.till_id"
            + " AND v.refers_to = s.seq AND v.record_type IN ('VOID', 'REFUND') WHERE s.elder_id = #{elderId} AND s.meal_day >= #{fromDay}"
            + " AND s.till_id <> #{tillId} AND s.record_type = 'SALE' AND s.record_time >= #{windowStart}"
            + " AND (s.subsidy_fen > 0 OR s.provider_fen > 0) ORDER BY v.till_id, v.seq LIMIT #{limit}")
    List<UsageRow> elderReversals(@Param("tillId") String tillId, @Param("elderId") String elderId, @Param("fromDay") LocalDate fromDay,
            @Param("windowStart") OffsetDateTime windowStart, @Param("limit") int limit);

    /** A subsidised, unreversed sale of an elder on a day, for the double-claim listing. */
    record ClaimRow(String elderId, LocalDate mealDay, String mealSlot, String tillId, long seq, String receiptNo, long subsidyFen) {
    }

    @Select("SELECT r.elder_id, r.meal_day, r.meal_slot, r.till_id, r.seq, r.receipt_no, r.subsidy_fen FROM journal_record r"
            + " WHERE r.record_type = 'SALE' AND r.meal_day = #{day} AND r.subsidy_fen > 0 AND r.elder_id IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM journal_record v WHERE v.till_id = r.till_id AND v.refers_to = r.seq"
            + " AND v.record_type IN ('VOID', 'REFUND'))"
            + " AND EXISTS (SELECT 1 FROM journal_record o WHERE o.record_type = 'SALE' AND o.elder_id = r.elder_id"
            + " AND o.meal_day = r.meal_day AND o.meal_slot = r.meal_slot AND o.subsidy_fen > 0 AND o.till_id <> r.till_id)"
            + " ORDER BY r.elder_id, r.meal_slot, r.till_id, r.seq")
    List<ClaimRow> claimsAtSeveralTills(LocalDate day);

    // heartbeat

    @Update("UPDATE till_heartbeat SET software = #{software}, policy_version = #{policyVersion}, registry_change = #{registryChange},"
            + " records_waiting = #{recordsWaiting}, last_seq = #{lastSeq}, till_time = #{tillTime}, server_time = #{serverTime},"
            + " skew_millis = #{skew}, skew_flagged = #{flagged} WHERE till_id = #{tillId}")
    int updateHeartbeat(@Param("tillId") String tillId, @Param("software") String software, @Param("policyVersion") String policyVersion,
            @Param("registryChange") long registryChange, @Param("recordsWaiting") long recordsWaiting, @Param("lastSeq") long lastSeq,
            @Param("tillTime") String tillTime, @Param("serverTime") OffsetDateTime serverTime, @Param("skew") long skew,
            @Param("flagged") boolean flagged);

    @Insert("INSERT INTO till_heartbeat (till_id, software, policy_version, registry_change, records_waiting, last_seq, till_time,"
            + " server_time, skew_millis, skew_flagged) VALUES (#{tillId}, #{software}, #{policyVersion}, #{registryChange},"
            + " #{recordsWaiting}, #{lastSeq}, #{tillTime}, #{serverTime}, #{skew}, #{flagged})")
    int insertHeartbeat(@Param("tillId") String tillId, @Param("software") String software, @Param("policyVersion") String policyVersion,
            @Param("registryChange") long registryChange, @Param("recordsWaiting") long recordsWaiting, @Param("lastSeq") long lastSeq,
            @Param("tillTime") String tillTime, @Param("serverTime") OffsetDateTime serverTime, @Param("skew") long skew,
            @Param("flagged") boolean flagged);
}
