package org.yishi.till.store.policy;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL of the installed working-day calendars. */
interface CalendarMapper {

    @Select("SELECT file_name, yaml_text FROM policy_calendar ORDER BY calendar_id, calendar_year")
    List<StoredCalendar> all();

    @Select("SELECT yaml_sha256 FROM policy_calendar WHERE calendar_id = #{calendarId} AND calendar_year = #{year}")
    String sha256Of(@Param("calendarId") String calendarId, @Param("year") int year);

    @Delete("DELETE FROM policy_calendar WHERE calendar_id = #{calendarId} AND calendar_year = #{year}")
    int delete(@Param("calendarId") String calendarId, @Param("year") int year);

    @Insert("INSERT INTO policy_calendar (calendar_id, calendar_year, file_name, yaml_text, yaml_sha256, installed_at)"
            + " VALUES (#{calendarId}, #{year}, #{fileName}, #{yamlText}, #{sha256}, #{installedAt})")
    int insert(@Param("calendarId") String calendarId, @Param("year") int year, @Param("fileName") String fileName,
            @Param("yamlText") String yamlText, @Param("sha256") String sha256,
            @Param("installedAt") java.time.OffsetDateTime installedAt);

    /** A stored row as read back. */
    record StoredCalendar(String fileName, String yamlText) {
    }
}
