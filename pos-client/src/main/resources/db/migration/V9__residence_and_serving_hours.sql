-- Issue 11, items 2 and 3 (docs/registry-csv.md):
-- * where an elder permanently lives (常住), from elders.csv resident_district / resident_town. NULL: where he is
--   registered, which is what every row cached before this migration means.
-- * a canteen's own serving hours, from canteens.csv serving_hours ("lunch=10:30-13:30;dinner=16:30-19:00"), used for
--   the meal slots whose policy names no window. NULL or empty: the canteen gives none.
ALTER TABLE elder ADD COLUMN resident_district VARCHAR(12);
ALTER TABLE elder ADD COLUMN resident_town VARCHAR(16);
ALTER TABLE canteen ADD COLUMN serving_hours VARCHAR(500);
