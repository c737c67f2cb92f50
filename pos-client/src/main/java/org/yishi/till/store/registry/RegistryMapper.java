package org.yishi.till.store.registry;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of the registry cache. */
interface RegistryMapper {

    String ELDER_COLUMNS = "e.elder_id, e.name, e.birth_date, e.categories, e.registered_district, e.registered_town,"
            + " e.id_last4, e.phone_last4, e.status_history, e.blocked_reason, e.resident_district, e.resident_town";

    /** A valid row: written as it is, any block lifted, stamped with the import's generation. */
    @Insert("MERGE INTO elder (elder_id, name, birth_date, categories, registered_district, registered_town, id_last4,"
            + " phone_last4, status_history, blocked_reason, import_generation, resident_district, resident_town) KEY (elder_id)"
            + " VALUES (#{row.elderId}, #{row.name}, #{row.birthDate}, #{row.categories}, #{row.registeredDistrict},"
            + " #{row.registeredTown}, #{row.idLast4}, #{row.phoneLast4}, #{row.statusHistory}, NULL, #{generation},"
            + " #{row.residentDistrict}, #{row.residentTown})")
    int upsertElder(@Param("row") ElderRow row, @Param("generation") long generation);

    /** Upserts the card only if its elder is in the cache: an update count of 0 means the elder is unknown. */
    @Insert("MERGE INTO card (card_uid, elder_id, status, status_since, blocked_reason, import_generation) KEY (card_uid)"
            + " SELECT #{row.cardUid}, e.elder_id, #{row.status}, #{row.statusSince}, NULL, #{generation}"
            + " FROM elder e WHERE e.elder_id = #{row.elderId}")
    int upsertCardOfKnownElder(@Param("row") CardRow row, @Param("generation") long generation);

    /** Blocks a cached elder whose row was refused; 0 if the elder is not in the cache. */
    @Update("UPDATE elder SET blocked_reason = #{reason}, import_generation = #{generation} WHERE elder_id = #{elderId}")
    int blockElder(@Param("elderId") String elderId, @Param("reason") String reason, @Param("generation") long generation);

    /** Blocks a cached card whose row was refused, from now on; 0 if the card is not in the cache. */
    @Update("UPDATE card SET status = 'BLOCKED', status_since = CURRENT_TIMESTAMP, blocked_reason = #{reason},"
            + " import_generation = #{generation} WHERE card_uid = #{cardUid}")
    int blockCard(@Param("cardUid") String cardUid, @Param("reason") String reason, @Param("generation") long generation);

    /** After a full elders import: the cards of elders the export left out go with them. */
    @Delete("DELETE FROM card WHERE elder_id IN (SELECT elder_id FROM elder WHERE import_generation IS DISTINCT FROM #{generation})")
    int deleteCardsOfEldersNotIn(long generation);

    @Delete("DELETE FROM elder WHERE import_generation IS DISTINCT FROM #{generation}")
    int deleteEldersNotIn(long generation);

    @Delete("DELETE FROM card WHERE import_generation IS DISTINCT FROM #{generation}")
    int deleteCardsNotIn(long generation);

    @Select("SELECT COUNT(*) FROM elder WHERE import_generation IS DISTINCT FROM #{generation}")
    long countEldersNotIn(long generation);

    @Select("SELECT COUNT(*) FROM card WHERE import_generation IS DISTINCT FROM #{generation}")
    long countCardsNotIn(long generation);

    @Select("SELECT NEXT VALUE FOR registry_import_generation")
    long nextGeneration();

    @Select("SELECT c.card_uid, c.elder_id, c.status, c.status_since, e.name, e.birth_date, e.categories,"
            + " e.registered_district, e.registered_town, e.id_last4, e.phone_last4, e.status_history,"
            + " e.blocked_reason AS elder_blocked_reason, e.resident_district, e.resident_town"
            + " FROM card c JOIN elder e ON e.elder_id = c.elder_id WHERE c.card_uid = #{uid}")
    CardLookupRow findByCardUid(String uid);

    @Select("SELECT " + ELDER_COLUMNS + " FROM elder e WHERE e.elder_id = #{elderId}")
    ElderRow findElder(String elderId);

    @Select("SELECT " + ELDER_COLUMNS + " FROM elder e WHERE e.name = #{name}"
            + " AND (e.id_last4 = #{lastDigits} OR e.phone_last4 = #{lastDigits}) ORDER BY e.elder_id")
    List<ElderRow> findByNameAndLastDigits(@Param("name") String name, @Param("lastDigits") String lastDigits);

    @Select("SELECT card_uid, elder_id, status, status_since FROM card WHERE elder_id = #{elderId} ORDER BY card_uid")
    List<CardRow> cardsOf(String elderId);

    @Select("SELECT COUNT(*) FROM elder")
    long elderCount();

    @Select("SELECT COUNT(*) FROM card")
    long cardCount();

    @Select("SELECT COUNT(*) FROM elder WHERE blocked_reason IS NOT NULL")
    long blockedElderCount();

    @Select("SELECT COUNT(*) FROM card WHERE status = 'BLOCKED'")
    long blockedCardCount();

    @Insert("INSERT INTO registry_import (kind, source, rows_accepted, rows_rejected, finished_at)"
            + " VALUES (#{kind}, #{source}, #{accepted}, #{rejected}, CURRENT_TIMESTAMP)")
    int recordImport(@Param("kind") String kind, @Param("source") String source, @Param("accepted") long accepted,
            @Param("rejected") long rejected);

    @Select("SELECT COUNT(*) FROM registry_import WHERE kind = #{kind}")
    long importsOf(String kind);

    @Insert("INSERT INTO registry_import (kind, source, rows_accepted, rows_rejected, finished_at, registry_version, content_sha256)"
            + " VALUES ('snapshot', #{source}, #{elders}, 0, CURRENT_TIMESTAMP, #{version}, #{sha})")
    int recordSnapshot(@Param("source") String source, @Param("version") String version, @Param("sha") String sha,
            @Param("elders") long elders);

    @Select("SELECT content_sha256 FROM registry_import WHERE kind = 'snapshot' ORDER BY import_id DESC LIMIT 1")
    String latestSnapshotSha();

    @Update("TRUNCATE TABLE card")
    void truncateCards();

    @Update("TRUNCATE TABLE elder")
    void truncateElders();

    @Delete("DELETE FROM registry_import WHERE kind IN ('elders', 'cards', 'snapshot')")
    int forgetImports();
}
