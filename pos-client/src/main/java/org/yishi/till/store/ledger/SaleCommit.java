package org.yishi.till.store.ledger;

import java.util.Objects;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SignedRecord;

/**
 * What became of a sale handed to {@link TillJournal#commitSale}. The cashier is told "recorded" or "not recorded",
 * never a guess: a write whose fsync failed is resolved by reopening the journal and reading it back.
 */
public sealed interface SaleCommit {

    /**
     * The SALE is in the journal, fsynced: the sale exists, whatever happens next.
     *
     * @param indexed false if the till database could not index it yet (it catches up before the next record)
     */
    record Recorded(SignedRecord record, SalePayload sale, boolean indexed) implements SaleCommit {
        public Recorded {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(sale, "sale");
        }
    }

    /** The maker looked at the till inside the lock and declined (the quote changed): nothing was written. */
    record Withdrawn() implements SaleCommit {
    }

    /**
     * Nothing was recorded: the journal refused the record (e.g. the bill was sold already), the index could not be
     * brought up to date first, or the write failed and reading the journal back shows the record is not there.
     */
    record NotRecorded(String reason) implements SaleCommit {
        public NotRecorded {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The write failed and the journal could not be read back either: whether the sale exists is not known on this
     * till until it is restarted (its recovery then shows the sale in the history, or not). No further record can be
     * written meanwhile.
     */
    record Unresolved(String reason) implements SaleCommit {
        public Unresolved {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
