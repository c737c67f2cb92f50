package org.yishi.server.security;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The server's staff accounts (administrator, finance, viewer), passwords as bcrypt hashes in {@code server_user}: the
 * database is the only store, so every instance sees the same accounts.
 */
@Component
public class ServerUsers implements UserDetailsService {

    /** What a staff member may do on the server. */
    public enum Role { ADMINISTRATOR, FINANCE, VIEWER }

    @Mapper
    public interface UserMapper {
        @Select("SELECT username, password_hash, role FROM server_user WHERE username = #{username}")
        UserRow find(String username);

        @Select("SELECT COUNT(*) FROM server_user")
        long count();

        @Insert("INSERT INTO server_user (username, password_hash, role, created_at) VALUES (#{username}, #{hash}, #{role}, #{at})")
        int insert(@Param("username") String username, @Param("hash") String hash, @Param("role") String role,
                @Param("at") OffsetDateTime at);
    }

    /** A stored account. */
    public record UserRow(String username, String passwordHash, String role) {
    }

    private final UserMapper users;

    public ServerUsers(UserMapper users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserRow row = users.find(username);
        if (row == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return User.withUsername(row.username()).password(row.passwordHash())
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + row.role()))).build();
    }
}
