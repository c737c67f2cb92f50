package org.yishi.till.store.menu;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;

/** SQL of the menu store. */
interface MenuMapper {

    @Insert("MERGE INTO canteen (canteen_id, name, district, town, phone, serving_hours) KEY (canteen_id)"
            + " VALUES (#{id}, #{name}, #{district}, #{town}, #{phone}, #{servingHours})")
    int upsertCanteen(CanteenRow canteen);

    @Select("SELECT canteen_id AS id, name, district, town, phone, serving_hours FROM canteen WHERE canteen_id = #{id}")
    CanteenRow findCanteen(String id);

    @Select("SELECT canteen_id AS id, name, district, town, phone, serving_hours FROM canteen ORDER BY canteen_id")
    List<CanteenRow> canteens();

    @Insert("INSERT INTO menu_version (canteen_id, source, installed_at) VALUES (#{canteenId}, #{source}, #{installedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "menuVersion", keyColumn = "menu_version")
    int insertVersion(MenuVersionHolder holder);

    @Insert("INSERT INTO menu_item (menu_version, item_id, name, price_fen, meal_slots, subsidy_eligible)"
            + " VALUES (#{menuVersion}, #{itemId}, #{name}, #{priceFen}, #{mealSlots}, #{subsidyEligible})")
    int insertItem(MenuItemRow row);

    @Select("SELECT menu_version, canteen_id, source, installed_at FROM menu_version WHERE menu_version ="
            + " (SELECT MAX(menu_version) FROM menu_version WHERE canteen_id = #{canteenId})")
    MenuVersionRow currentVersion(String canteenId);

    @Select("SELECT menu_version, canteen_id, source, installed_at FROM menu_version WHERE menu_version = #{version}")
    MenuVersionRow version(long version);

    @Select("SELECT menu_version, canteen_id, source, installed_at FROM menu_version WHERE canteen_id = #{canteenId}"
            + " ORDER BY menu_version")
    List<MenuVersionRow> versionsOf(String canteenId);

    @Select("SELECT menu_version, item_id, name, price_fen, meal_slots, subsidy_eligible FROM menu_item"
            + " WHERE menu_version = #{version} ORDER BY item_id")
    List<MenuItemRow> items(long version);
}
