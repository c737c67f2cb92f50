package org.yishi.till.store.ledger;

import java.util.List;

/**
 * What opening the till journal did to bring the database's mirror up to date.
 *
 * @param mirroredBefore     last seq the database held when opened (0: empty, e.g. just rebuilt)
 * @param journalLastSeq     last seq of the journal file after its own recovery
 * @param replayed           records copied from the file into the mirror (and sales index): the catch-up, or all of
 *                           them when rewritten
 * @param streamedFromFile   whether the records were streamed from the file (large catch-ups) rather than read
 *                           through the writer
 * @param salesIndexRebuilt  whether the sales index disagreed with the mirror and was rebuilt from it
 * @param rewrittenFromJournal whether, after the checks, mirror and sales index were emptied and written again from the
 *                           journal file (after an unclean shutdown: H2 may hold half-written transactions)
 * @param journalNotes       what the journal's own recovery did (a torn last line cut off, a checkpoint not used), one
 *                           note each
 * @param resumedFromSeq     the stored checkpoint's seq the journal was taken up at (only later records were read and
 *                           checked), 0 if the whole journal was replayed
 */
public record MirrorRecovery(long mirroredBefore, long journalLastSeq, long replayed, boolean streamedFromFile,
        boolean salesIndexRebuilt, boolean rewrittenFromJournal, List<String> journalNotes, long resumedFromSeq) {
    public MirrorRecovery {
        journalNotes = List.copyOf(journalNotes);
    }

    /** Records the journal had and the database had not (yet) kept: what H2 lost or never got. */
    public long databaseLag() {
        return journalLastSeq - mirroredBefore;
    }

    /** How many torn last lines the journal cut off on open (0 or 1). */
    public int tornTailsRecovered() {
        return (int) journalNotes.stream().filter(note -> note.contains("torn write")).count();
    }
}
