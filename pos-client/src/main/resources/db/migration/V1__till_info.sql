-- The till's identity and settings that must survive restarts.
-- (VALUE is a keyword in H2 2.x: columns are named setting_*.)
CREATE TABLE till_info (
    setting_key   VARCHAR(64)   PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
