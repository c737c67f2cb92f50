package org.yishi.till.store.ledger;

import java.util.List;

/**
 * What opening the till journal did to bring the database's mirror up to date.
 *
 * @param mirroredBefore     last seq the database held when opened (0: empty, e.g. just rebuilt)
 * @param journalLastSeq     last seq of the journal file after its own recovery
 * @param replayed           records copied from the file into the mirror (and sales index)
 * @param streamedFromFile   whether the records were streamed from the file (large catch-ups) rather than read
 *                           through the writer
 * @param salesIndexRebuilt  whether the sales index disagreed with the mirror and was rebuilt from it
 * @param journalNotes       what the journal's own recovery did (a torn last line cut off), one note each
 */
public record MirrorRecovery(long mirroredBefore, long journalLastSeq, long replayed, boolean streamedFromFile,
        boolean salesIndexRebuilt, List<String> journalNotes) {
    public MirrorRecovery {
        journalNotes = List.copyOf(journalNotes);
    }

    /** How many torn last lines the journal cut off on open (0 or 1). */
    public int tornTailsRecovered() {
        return journalNotes.size();
    }
}
