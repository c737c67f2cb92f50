-- Till staff (imported from staff.csv: never a PIN, only its bcrypt hash) and their login state. The failed-attempt
-- count and lockout live here so that restarting the till does not reset a lockout. Like the registry cache, the
-- staff table is re-imported if the database is rebuilt from the journal.
CREATE TABLE staff (
    staff_no   VARCHAR(16)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    roles      VARCHAR(100) NOT NULL,
    pin_hash   CHAR(60)     NOT NULL
);

CREATE TABLE staff_login_state (
    staff_no        VARCHAR(16) PRIMARY KEY,
    failed_attempts INT         NOT NULL CHECK (failed_attempts >= 0),
    locked_until    TIMESTAMP WITH TIME ZONE
);
