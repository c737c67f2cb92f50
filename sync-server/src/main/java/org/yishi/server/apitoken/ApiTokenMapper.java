package org.yishi.server.apitoken;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code api_token}: administrator API tokens, by the SHA-256 of the token. */
@Mapper
public interface ApiTokenMapper {

    /** A token as listed: never its secret. */
    record TokenRow(String tokenId, String username, String label, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
    }

    /** Whom a presented token stands for, with the account's role now. */
    record Bearer(String tokenId, String username, String role, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
    }

    @Insert("INSERT INTO api_token (token_id, token_hash, username, label, created_at, expires_at) "
            + "VALUES (#{id}, #{hash}, #{username}, #{label}, #{at}, #{expires})")
    int insert(@Param("id") String id, @Param("hash") String hash, @Param("username") String username, @Param("label") String label,
            @Param("at") OffsetDateTime at, @Param("expires") OffsetDateTime expires);

    @Select("SELECT t.token_id, t.username, u.role, t.expires_at, t.revoked_at FROM api_token t "
            + "JOIN server_user u ON u.username = t.username WHERE t.token_hash = #{hash}")
    Bearer bearerOf(String hash);

    @Update("UPDATE api_token SET last_used_at = #{at} WHERE token_id = #{id}")
    int used(@Param("id") String id, @Param("at") OffsetDateTime at);

    @Select("SELECT token_id, username, label, created_at, expires_at, revoked_at, last_used_at FROM api_token "
            + "WHERE #{username} IS NULL OR username = #{username} ORDER BY created_at, token_id")
    List<TokenRow> list(@Param("username") String usernameOrNullForAll);

    @Select("SELECT token_id, username, label, created_at, expires_at, revoked_at, last_used_at FROM api_token WHERE token_id = #{id}")
    TokenRow find(String id);

    @Update("UPDATE api_token SET revoked_at = #{at} WHERE token_id = #{id} AND revoked_at IS NULL")
    int revoke(@Param("id") String id, @Param("at") OffsetDateTime at);
}
