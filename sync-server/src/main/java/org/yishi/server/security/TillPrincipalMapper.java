package org.yishi.server.security;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The token look-up of every till request. */
@Mapper
public interface TillPrincipalMapper {

    /** The till a token hash belongs to and its status, or null. */
    @Select("SELECT till_id, status FROM till WHERE token_hash = #{tokenHash}")
    TokenOwner ownerOf(String tokenHash);

    @Update("UPDATE till SET last_seen = #{at} WHERE till_id = #{tillId}")
    int seen(@Param("tillId") String tillId, @Param("at") OffsetDateTime at);

    /** The owner of a token. */
    record TokenOwner(String tillId, String status) {
    }
}
