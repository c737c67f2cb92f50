package org.yishi.till.store.ledger;

import java.util.Optional;
import org.yishi.core.journal.JournalResume;
import org.yishi.core.journal.JournalWriter;

/** Opens the till's journal writer, taking it up at a checkpoint when the till database holds one. */
@FunctionalInterface
public interface JournalOpener {

    /** @param resume where to take the journal up; empty: replay it from seq 1 */
    JournalWriter open(Optional<JournalResume> resume);
}
