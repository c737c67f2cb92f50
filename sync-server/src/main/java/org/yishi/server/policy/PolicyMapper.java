package org.yishi.server.policy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of policy versions and working-day calendar years. */
@Mapper
public interface PolicyMapper {

    /** A stored policy version. */
    record PolicyRow(String policyId, String version, String yamlText, String yamlSha256, LocalDate effectiveFrom,
            String appliesAt, String calendarId, long changeNo) {
    }

    /** A stored calendar year. */
    record CalendarRow(String calendarId, int calendarYear, String yamlText, String yamlSha256, long changeNo) {
    }

    @Select("SELECT yaml_sha256 FROM policy_version WHERE policy_id = #{id} AND version = #{version}")
    String policySha(@Param("id") String id, @Param("version") String version);

    @Insert("INSERT INTO policy_version (policy_id, version, yaml_text, yaml_sha256, effective_from, applies_at, calendar_id, change_no,"
            + " uploaded_at) VALUES (#{r.policyId}, #{r.version}, #{r.yamlText}, #{r.yamlSha256}, #{r.effectiveFrom}, #{r.appliesAt},"
            + " #{r.calendarId}, #{r.changeNo}, #{at})")
    int insertPolicy(@Param("r") PolicyRow row, @Param("at") OffsetDateTime at);

    @Select("SELECT policy_id, version, yaml_text, yaml_sha256, effective_from, applies_at, calendar_id, change_no FROM policy_version"
            + " ORDER BY policy_id, effective_from, version")
    List<PolicyRow> policies();

    @Select("SELECT COUNT(*) FROM policy_version")
    long policyCount();

    @Select("SELECT calendar_id, calendar_year, yaml_text, yaml_sha256, change_no FROM calendar_year ORDER BY calendar_id, calendar_year")
    List<CalendarRow> calendars();

    @Select("SELECT yaml_sha256 FROM calendar_year WHERE calendar_id = #{id} AND calendar_year = #{year}")
    String calendarSha(@Param("id") String id, @Param("year") int year);

    @Insert("INSERT INTO calendar_year (calendar_id, calendar_year, yaml_text, yaml_sha256, change_no) VALUES (#{id}, #{year}, #{text},"
            + " #{sha}, #{change})")
    int insertCalendar(@Param("id") String id, @Param("year") int year, @Param("text") String text, @Param("sha") String sha,
            @Param("change") long change);

    @Update("UPDATE calendar_year SET yaml_text = #{text}, yaml_sha256 = #{sha}, change_no = #{change} WHERE calendar_id = #{id}"
            + " AND calendar_year = #{year}")
    int updateCalendar(@Param("id") String id, @Param("year") int year, @Param("text") String text, @Param("sha") String sha,
            @Param("change") long change);
}
