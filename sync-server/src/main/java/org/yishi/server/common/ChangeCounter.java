package org.yishi.server.common;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The one change number of all reference data. {@link #bump()} inside a change's transaction locks the row until
 * commit, so change numbers commit in the order they were taken, across server instances: a till that read up to
 * change N can never later find a change below N it did not see.
 */
@Mapper
public interface ChangeCounter {

    @Update("UPDATE change_counter SET counter_value = counter_value + 1 WHERE id = 1")
    int increment();

    @Select("SELECT counter_value FROM change_counter WHERE id = 1")
    long current();

    /** Takes the next change number (call inside the change's transaction). */
    default long bump() {
        increment();
        return current();
    }
}
