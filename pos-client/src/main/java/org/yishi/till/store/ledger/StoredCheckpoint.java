package org.yishi.till.store.ledger;

/** The row of {@code journal_checkpoint}: a {@link org.yishi.core.journal.JournalCheckpoint} as JSON and its record's offset. */
record StoredCheckpoint(long seq, long recordOffset, String checkpoint) {
}
