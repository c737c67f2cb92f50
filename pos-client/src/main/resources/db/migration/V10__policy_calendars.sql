-- Working-day calendar years installed with the policies that name them (docs/till-store.md, "Working-day
-- calendars"). One row per calendar year; a newer text of a year (the official schedule replacing a provisional
-- one) replaces the row, and each text the till sold under is named by SHA-256 in a POLICY_UPDATE record.
CREATE TABLE policy_calendar (
    calendar_id   VARCHAR(32)              NOT NULL,
    calendar_year INT                      NOT NULL,
    file_name     VARCHAR(64)              NOT NULL,
    yaml_text     CLOB                     NOT NULL,
    yaml_sha256   CHAR(64)                 NOT NULL,
    installed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (calendar_id, calendar_year)
);
