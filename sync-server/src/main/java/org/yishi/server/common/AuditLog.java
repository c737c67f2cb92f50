package org.yishi.server.common;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.springframework.stereotype.Component;

/** Every staff action on the server: who, when, what, on what. Never a secret or a full ID number in it. */
@Component
public class AuditLog {

    @Mapper
    public interface AuditMapper {
        @Insert("INSERT INTO audit_log (happened_at, actor, action, target, detail) VALUES (#{at}, #{actor}, #{action}, #{target}, #{detail})")
        int insert(@Param("at") OffsetDateTime at, @Param("actor") String actor, @Param("action") String action,
                @Param("target") String target, @Param("detail") String detail);
    }

    private final AuditMapper mapper;
    private final Clock clock;

    public AuditLog(AuditMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String detail) {
        mapper.insert(OffsetDateTime.now(clock), actor, action, target, detail == null || detail.length() <= 2000 ? detail
                : detail.substring(0, 2000));
    }
}
