package org.yishi.till.staff;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL of the staff tables (V5__staff.sql). */
interface StaffMapper {

    @Select("SELECT staff_no, name, roles, pin_hash FROM staff WHERE staff_no = #{staffNo}")
    StaffRow find(String staffNo);

    @Select("SELECT staff_no, name, roles, pin_hash FROM staff ORDER BY staff_no")
    List<StaffRow> all();

    @Delete("DELETE FROM staff")
    int deleteAll();

    @Insert("INSERT INTO staff (staff_no, name, roles, pin_hash) VALUES (#{staffNo}, #{name}, #{roles}, #{pinHash})")
    int insert(StaffRow row);

    @Select("SELECT staff_no, failed_attempts, locked_until FROM staff_login_state WHERE staff_no = #{staffNo}")
    LoginStateRow loginState(String staffNo);

    @Insert("MERGE INTO staff_login_state (staff_no, failed_attempts, locked_until) KEY (staff_no)"
            + " VALUES (#{staffNo}, #{failedAttempts}, #{lockedUntil})")
    int saveLoginState(@Param("staffNo") String staffNo, @Param("failedAttempts") int failedAttempts,
            @Param("lockedUntil") OffsetDateTime lockedUntil);
}
