package org.yishi.server.registry;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.cursor.Cursor;

/** SQL of the registry tables (each row its canonical CSV row, its SHA-256 and the change that last touched it). */
@Mapper
public interface RegistryMapper {

    /** A stored row: its key, canonical CSV text and change number. */
    record StoredRow(String rowKey, String csvRow, String rowSha, long changeNo) {
    }

    // canteens
    @Select("SELECT row_sha FROM canteen WHERE canteen_id = #{id}")
    String canteenSha(String id);

    @Insert("INSERT INTO canteen (canteen_id, district, csv_row, row_sha, change_no) VALUES (#{id}, #{district}, #{row}, #{sha}, #{change})")
    int insertCanteen(@Param("id") String id, @Param("district") String district, @Param("row") String row, @Param("sha") String sha,
            @Param("change") long change);

    @Update("UPDATE canteen SET district = #{district}, csv_row = #{row}, row_sha = #{sha}, change_no = #{change} WHERE canteen_id = #{id}")
    int updateCanteen(@Param("id") String id, @Param("district") String district, @Param("row") String row, @Param("sha") String sha,
            @Param("change") long change);

    @Select("SELECT district FROM canteen WHERE canteen_id = #{id}")
    String canteenDistrict(String id);

    @Select("SELECT canteen_id AS row_key, csv_row, row_sha, change_no FROM canteen WHERE change_no > #{since} AND change_no <= #{upTo} ORDER BY canteen_id")
    List<StoredRow> canteensSince(@Param("since") long since, @Param("upTo") long upTo);

    // elders
    @Select("SELECT row_sha FROM elder WHERE elder_id = #{id}")
    String elderSha(String id);

    @Select("SELECT csv_row FROM elder WHERE elder_id = #{id}")
    String elderRow(String id);

    @Insert("INSERT INTO elder (elder_id, csv_row, till_row, row_sha, change_no) VALUES (#{id}, #{row}, #{tillRow}, #{sha}, #{change})")
    int insertElder(@Param("id") String id, @Param("row") String row, @Param("tillRow") String tillRow, @Param("sha") String sha,
            @Param("change") long change);

    @Update("UPDATE elder SET csv_row = #{row}, till_row = #{tillRow}, row_sha = #{sha}, change_no = #{change} WHERE elder_id = #{id}")
    int updateElder(@Param("id") String id, @Param("row") String row, @Param("tillRow") String tillRow, @Param("sha") String sha,
            @Param("change") long change);

    @Insert("INSERT INTO elder_history (elder_id, change_no, csv_row, recorded_at) VALUES (#{id}, #{change}, #{row}, #{at})")
    int insertElderHistory(@Param("id") String id, @Param("change") long change, @Param("row") String row, @Param("at") OffsetDateTime at);

    @Select("SELECT elder_id FROM elder ORDER BY elder_id")
    List<String> elderIds();

    /**
     * An elder as a download sends it: the till's row (registry format till-elders.csv), null for a row stored before
     * the server kept one — then the registry's row it is derived from.
     */
    record ElderDownloadRow(String tillRow, String registryRow) {
    }

    @Select("SELECT till_row, csv_row AS registry_row FROM elder WHERE change_no > #{since} AND change_no <= #{upTo} ORDER BY elder_id")
    Cursor<ElderDownloadRow> eldersSince(@Param("since") long since, @Param("upTo") long upTo);

    // cards
    @Select("SELECT row_sha FROM card WHERE card_uid = #{uid}")
    String cardSha(String uid);

    @Select("SELECT csv_row FROM card WHERE card_uid = #{uid}")
    String cardRow(String uid);

    @Insert("INSERT INTO card (card_uid, elder_id, csv_row, row_sha, change_no) VALUES (#{uid}, #{elder}, #{row}, #{sha}, #{change})")
    int insertCard(@Param("uid") String uid, @Param("elder") String elder, @Param("row") String row, @Param("sha") String sha,
            @Param("change") long change);

    @Update("UPDATE card SET elder_id = #{elder}, csv_row = #{row}, row_sha = #{sha}, change_no = #{change} WHERE card_uid = #{uid}")
    int updateCard(@Param("uid") String uid, @Param("elder") String elder, @Param("row") String row, @Param("sha") String sha,
            @Param("change") long change);

    @Select("SELECT card_uid FROM card ORDER BY card_uid")
    List<String> cardUids();

    @Select("SELECT card_uid AS row_key, csv_row, row_sha, change_no FROM card WHERE change_no > #{since} AND change_no <= #{upTo} ORDER BY card_uid")
    Cursor<StoredRow> cardsSince(@Param("since") long since, @Param("upTo") long upTo);

    // menu
    @Select("SELECT row_sha FROM menu_item WHERE canteen_id = #{canteen} AND item_id = #{item}")
    String menuSha(@Param("canteen") String canteen, @Param("item") String item);

    @Insert("INSERT INTO menu_item (canteen_id, item_id, csv_row, row_sha, change_no) VALUES (#{canteen}, #{item}, #{row}, #{sha}, #{change})")
    int insertMenu(@Param("canteen") String canteen, @Param("item") String item, @Param("row") String row, @Param("sha") String sha,
            @Param("change") long change);

    @Update("UPDATE menu_item SET csv_row = #{row}, row_sha = #{sha}, change_no = #{change} WHERE canteen_id = #{canteen} AND item_id = #{item}")
    int updateMenu(@Param("canteen") String canteen, @Param("item") String item, @Param("row") String row, @Param("sha") String sha,
            @Param("change") long change);

    @Select("SELECT item_id AS row_key, csv_row, row_sha, change_no FROM menu_item WHERE canteen_id = #{canteen} AND change_no > #{since}"
            + " AND change_no <= #{upTo} ORDER BY item_id")
    List<StoredRow> menuSince(@Param("canteen") String canteen, @Param("since") long since, @Param("upTo") long upTo);

    // staff
    @Select("SELECT row_sha FROM staff WHERE staff_no = #{no}")
    String staffSha(String no);

    @Insert("INSERT INTO staff (staff_no, csv_row, row_sha, change_no) VALUES (#{no}, #{row}, #{sha}, #{change})")
    int insertStaff(@Param("no") String no, @Param("row") String row, @Param("sha") String sha, @Param("change") long change);

    @Update("UPDATE staff SET csv_row = #{row}, row_sha = #{sha}, change_no = #{change} WHERE staff_no = #{no}")
    int updateStaff(@Param("no") String no, @Param("row") String row, @Param("sha") String sha, @Param("change") long change);

    @Select("SELECT staff_no AS row_key, csv_row, row_sha, change_no FROM staff ORDER BY staff_no")
    List<StoredRow> allStaff();

    @Select("SELECT MAX(change_no) FROM staff WHERE change_no <= #{upTo}")
    Long lastStaffChange(long upTo);
}
