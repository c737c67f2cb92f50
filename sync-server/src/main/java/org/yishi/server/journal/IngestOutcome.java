package org.yishi.server.journal;

import org.yishi.sync.protocol.Acknowledgement;

/** What became of an uploaded batch: the one way ingest answers, each case its own HTTP answer. */
public sealed interface IngestOutcome {

    /** Stored (or held already, byte for byte): the signed acknowledgement of the highest contiguous seq. */
    record Acknowledged(Acknowledgement ack, long added) implements IngestOutcome {
    }

    /** The batch starts after what the server holds: send from {@code expectedSeq}. */
    record Gap(long expectedSeq) implements IngestOutcome {
    }

    /** A seq the server holds with other bytes: stored as evidence, nothing of the batch kept. */
    record Fork(long seq) implements IngestOutcome {
    }

    /** A line fails verification: nothing of the batch kept. */
    record Refused(long seq, String kind, String message) implements IngestOutcome {
    }

    /** No such till, or it is not enrolled. */
    record UnknownTill(String tillId) implements IngestOutcome {
    }
}
