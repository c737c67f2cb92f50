package org.yishi.till.store.ledger;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.cursor.Cursor;

/** SQL of the journal mirror and the sales index. */
interface LedgerMapper {

    String SALE_COLUMNS = "seq, receipt_no, elder_id, identification, meal_slot, sale_time, channel, price_fen, subsidy_fen,"
            + " copay_fen, rule_ids, provider_rule_ids, policy_id, policy_version, shift_no, voided_by_seq, refunded_by_seq, bill_id";
    String MIRROR_COLUMNS = "seq, record_type, record_time, record_hash, prev_hash, line, refers_to, file_offset";

    @Insert("INSERT INTO journal_mirror (" + MIRROR_COLUMNS + ") VALUES (#{seq}, #{recordType}, #{recordTime}, #{recordHash},"
            + " #{prevHash}, #{line}, #{refersTo}, #{fileOffset})")
    int insertMirror(MirrorRow row);

    @Select("SELECT MAX(seq) FROM journal_mirror")
    Long maxMirroredSeq();

    @Select("SELECT " + MIRROR_COLUMNS + " FROM journal_mirror ORDER BY seq")
    Cursor<MirrorRow> allMirrorRows();

    @Insert("INSERT INTO sale (" + SALE_COLUMNS + ") VALUES (#{seq}, #{receiptNo}, #{elderId}, #{identification}, #{mealSlot},"
            + " #{saleTime}, #{channel}, #{priceFen}, #{subsidyFen}, #{copayFen}, #{ruleIds}, #{providerRuleIds}, #{policyId},"
            + " #{policyVersion}, #{shiftNo}, #{voidedBySeq}, #{refundedBySeq}, #{billId})")
    int insertSale(SaleRow row);

    @Update("UPDATE sale SET voided_by_seq = #{bySeq} WHERE seq = #{saleSeq}")
    int markVoided(@Param("saleSeq") long saleSeq, @Param("bySeq") long bySeq);

    @Update("UPDATE sale SET refunded_by_seq = #{bySeq} WHERE seq = #{saleSeq}")
    int markRefunded(@Param("saleSeq") long saleSeq, @Param("bySeq") long bySeq);

    @Select("SELECT " + SALE_COLUMNS + " FROM sale WHERE elder_id = #{elderId} AND sale_time >= #{from} AND sale_time < #{to}"
            + " AND voided_by_seq IS NULL AND refunded_by_seq IS NULL ORDER BY sale_time, seq")
    List<SaleRow> unreversedSalesOf(@Param("elderId") String elderId, @Param("from") LocalDateTime from,
            @Param("to") LocalDateTime to);

    @Select("SELECT " + SALE_COLUMNS + " FROM sale WHERE seq = #{seq}")
    SaleRow sale(long seq);

    @Select("SELECT " + SALE_COLUMNS + " FROM sale WHERE receipt_no = #{receiptNo} ORDER BY seq")
    List<SaleRow> salesByReceipt(String receiptNo);

    @Select("SELECT " + SALE_COLUMNS + " FROM sale WHERE shift_no = #{shiftNo} ORDER BY seq DESC")
    List<SaleRow> salesInShift(long shiftNo);

    @Select("SELECT COUNT(*) FROM sale")
    long saleCount();

    @Select("SELECT line FROM journal_mirror WHERE record_type = #{type} ORDER BY seq")
    List<String> mirrorLinesOf(String type);

    @Select("SELECT line FROM journal_mirror WHERE record_type = #{type} ORDER BY seq DESC LIMIT 1")
    String lastMirrorLineOf(String type);

    // The sales index against the mirror, for the records after {@code afterSeq} (0: all of them).

    /** SALE records of the mirror that have no sales-index row. */
    @Select("SELECT COUNT(*) FROM journal_mirror m WHERE m.record_type = 'SALE' AND m.seq > #{afterSeq}"
            + " AND NOT EXISTS (SELECT 1 FROM sale s WHERE s.seq = m.seq)")
    long unindexedSales(long afterSeq);

    @Select("SELECT COUNT(*) FROM sale WHERE seq > #{afterSeq}")
    long saleCountAfter(long afterSeq);

    @Select("SELECT COUNT(*) FROM journal_mirror WHERE record_type = #{type} AND seq > #{afterSeq}")
    long mirrorCountAfter(@Param("type") String type, @Param("afterSeq") long afterSeq);

    @Select("SELECT COUNT(*) FROM sale WHERE voided_by_seq > #{afterSeq}")
    long voidedCount(long afterSeq);

    @Select("SELECT COUNT(*) FROM sale WHERE refunded_by_seq > #{afterSeq}")
    long refundedCount(long afterSeq);

    @Select("SELECT " + MIRROR_COLUMNS + " FROM journal_mirror"
            + " WHERE record_type IN ('SALE', 'VOID', 'REFUND') ORDER BY seq")
    Cursor<MirrorRow> saleRelatedMirrorRows();

    /** Mirror rows from {@code fromSeq} on, in order: the part of the mirror an open from a checkpoint checks. */
    @Select("SELECT " + MIRROR_COLUMNS + " FROM journal_mirror WHERE seq >= #{fromSeq} ORDER BY seq")
    Cursor<MirrorRow> mirrorRowsFrom(long fromSeq);

    @Select("SELECT COUNT(*) FROM journal_mirror")
    long mirrorCount();

    // What the journal's rules ask about records up to a checkpoint (MirrorEarlierRecords): never about later ones.

    @Select("SELECT record_type FROM journal_mirror WHERE seq = #{seq} AND seq <= #{upTo}")
    String recordTypeAt(@Param("seq") long seq, @Param("upTo") long upTo);

    @Select("SELECT line FROM journal_mirror WHERE seq = #{seq} AND seq <= #{upTo}")
    String lineAt(@Param("seq") long seq, @Param("upTo") long upTo);

    @Select("SELECT file_offset FROM journal_mirror WHERE seq = #{seq}")
    Long fileOffsetAt(long seq);

    /** The records up to {@code upTo} of one of {@code types} that name {@code seq}, in order. */
    @Select("<script>SELECT " + MIRROR_COLUMNS + " FROM journal_mirror WHERE refers_to = #{seq} AND seq &lt;= #{upTo}"
            + " AND record_type IN <foreach item='t' collection='types' open='(' separator=',' close=')'>#{t}</foreach>"
            + " ORDER BY seq</script>")
    List<MirrorRow> referring(@Param("seq") long seq, @Param("upTo") long upTo, @Param("types") List<String> types);

    @Select("SELECT COUNT(*) FROM sale WHERE receipt_no = #{receiptNo} AND seq <= #{upTo}")
    long receiptUses(@Param("receiptNo") String receiptNo, @Param("upTo") long upTo);

    @Select("SELECT COUNT(*) FROM sale WHERE bill_id = #{billId} AND seq <= #{upTo}")
    long billUses(@Param("billId") String billId, @Param("upTo") long upTo);

    @Select("SELECT seq, record_offset, checkpoint FROM journal_checkpoint WHERE id = 1")
    StoredCheckpoint checkpoint();

    @Insert("MERGE INTO journal_checkpoint (id, seq, record_offset, checkpoint) KEY (id)"
            + " VALUES (1, #{seq}, #{recordOffset}, #{checkpoint})")
    int saveCheckpoint(StoredCheckpoint checkpoint);

    @Delete("DELETE FROM journal_checkpoint")
    int deleteCheckpoint();

    @Delete("DELETE FROM sale")
    int deleteAllSales();

    /** Removes every entry of the table's maps, committed or not (unlike DELETE, which sees only committed rows). */
    @Update("TRUNCATE TABLE sale")
    void truncateSales();

    @Update("TRUNCATE TABLE journal_mirror")
    void truncateMirror();
}
