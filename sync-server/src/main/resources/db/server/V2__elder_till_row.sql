-- The elder as a till receives it (registry format till-elders.csv: resident ID and phone cut to their last 4), written
-- beside the registry's row at import so that a download never carries a full ID number and costs no parsing.
-- NULL for rows imported before this column existed: the download derives those from csv_row.
ALTER TABLE elder ADD COLUMN till_row TEXT;
