package org.yishi.server.till;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of tills and their enrolment codes. */
@Mapper
public interface TillMapper {

    /** A till as the administrator API shows it. */
    record TillRow(String tillId, String canteenId, String status, String journalKey, OffsetDateTime createdAt,
            OffsetDateTime enrolledAt, OffsetDateTime lastSeen, Long records, Long lastSeq, String lastHash) {
    }

    @Insert("INSERT INTO till (till_id, canteen_id, status, created_at) VALUES (#{tillId}, #{canteenId}, 'new', #{at})")
    int insert(@Param("tillId") String tillId, @Param("canteenId") String canteenId, @Param("at") OffsetDateTime at);

    @Insert("INSERT INTO till_journal_state (till_id, last_seq, last_hash, records) VALUES (#{tillId}, 0, #{genesis}, 0)")
    int insertJournalState(@Param("tillId") String tillId, @Param("genesis") String genesis);

    @Select("SELECT t.till_id, t.canteen_id, t.status, t.journal_key, t.created_at, t.enrolled_at, t.last_seen, s.records,"
            + " s.last_seq, s.last_hash FROM till t LEFT JOIN till_journal_state s ON s.till_id = t.till_id WHERE t.till_id = #{tillId}")
    TillRow find(String tillId);

    @Update("UPDATE till SET status = 'revoked' WHERE till_id = #{tillId}")
    int revoke(String tillId);

    @Insert("INSERT INTO enrolment_code (code_hash, till_id, expires_at) VALUES (#{codeHash}, #{tillId}, #{expiresAt})")
    int insertCode(@Param("codeHash") String codeHash, @Param("tillId") String tillId, @Param("expiresAt") OffsetDateTime expiresAt);

    /**
     * Uses a code once: the conditional update is the single-use guarantee — of two enrolments racing with one code,
     * one updates a row and the other none.
     */
    @Update("UPDATE enrolment_code SET used_at = #{now} WHERE code_hash = #{codeHash} AND till_id = #{tillId} AND used_at IS NULL"
            + " AND expires_at > #{now}")
    int useCode(@Param("codeHash") String codeHash, @Param("tillId") String tillId, @Param("now") OffsetDateTime now);

    @Update("UPDATE till SET status = 'active', journal_key = #{journalKey}, token_hash = #{tokenHash}, enrolled_at = #{now}"
            + " WHERE till_id = #{tillId}")
    int enrol(@Param("tillId") String tillId, @Param("journalKey") String journalKey, @Param("tokenHash") String tokenHash,
            @Param("now") OffsetDateTime now);

    @Insert("INSERT INTO enrolment_attempt (source, attempted_at, ok) VALUES (#{source}, #{at}, #{ok})")
    int recordAttempt(@Param("source") String source, @Param("at") OffsetDateTime at, @Param("ok") boolean ok);

    @Select("SELECT COUNT(*) FROM enrolment_attempt WHERE source = #{source} AND attempted_at > #{since} AND ok = FALSE")
    long failedAttemptsSince(@Param("source") String source, @Param("since") OffsetDateTime since);
}
