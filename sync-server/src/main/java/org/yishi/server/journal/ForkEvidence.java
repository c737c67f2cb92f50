package org.yishi.server.journal;

import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps a fork's evidence in a transaction of its own: the refused batch is rolled back, the evidence is not. */
@Component
public class ForkEvidence {

    private final JournalMapper records;

    public ForkEvidence(JournalMapper records) {
        this.records = records;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void keep(String tillId, long seq, String held, String offered, OffsetDateTime at) {
        records.insertFork(tillId, seq, held, offered, at);
    }
}
