package org.yishi.till.store.ledger;

import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SignedRecord;
import org.yishi.till.store.TillDatabase;

/** Reads journal records back from the database's mirror (checked against the journal file on every open). */
public final class JournalMirror {

    private final TillDatabase db;

    public JournalMirror(TillDatabase db) {
        this.db = db;
        db.addMapper(LedgerMapper.class);
    }

    /** The last mirrored record of {@code type}: one indexed row, however long the journal. */
    public java.util.Optional<SignedRecord> lastOf(RecordType type) {
        try (SqlSession s = db.sessions().openSession()) {
            return java.util.Optional.ofNullable(s.getMapper(LedgerMapper.class).lastMirrorLineOf(type.name())).map(JournalReader::parseLine);
        }
    }

    /** Every mirrored record of {@code type}, in seq order. Meant for the rare types (policy and registry updates). */
    public List<SignedRecord> recordsOf(RecordType type) {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(LedgerMapper.class).mirrorLinesOf(type.name()).stream().map(JournalReader::parseLine).toList();
        }
    }
}
