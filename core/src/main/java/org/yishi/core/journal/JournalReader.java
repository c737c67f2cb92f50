package org.yishi.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads journal lines into {@link SignedRecord}s. Checks the form of each line (canonical body, field types,
 * hash) but not the chain, signatures or meaning: that is {@link JournalVerifier}'s job.
 */
public final class JournalReader {

    private JournalReader() {
    }

    /**
     * Reads every record of a journal file, strictly: a malformed line, including a torn last line without its
     * newline, is an error (open the file with {@link JournalWriter} to recover a torn tail).
     *
     * @throws MalformedRecordException naming the line number and the problem
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static List<SignedRecord> readAll(Path journalFile) {
        List<SignedRecord> records = new ArrayList<>();
        RecordParser parser = new RecordParser();
        try (JournalLineReader lines = new JournalLineReader(Files.newInputStream(journalFile))) {
            for (JournalLineReader.Line line = lines.next(); line != null; line = lines.next()) {
                try {
                    records.add(parse(line, parser));
                } catch (MalformedRecordException e) {
                    throw new MalformedRecordException(e.kind(), journalFile + " line " + line.number() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + journalFile + ": " + e.getMessage(), e);
        }
        return records;
    }

    static SignedRecord parse(JournalLineReader.Line line) {
        return parse(line, new RecordParser());
    }

    static SignedRecord parse(JournalLineReader.Line line, RecordParser parser) {
        if (line.text() == null) {
            throw new MalformedRecordException(ProblemKind.MALFORMED, line.decodeError());
        }
        if (!line.terminated()) {
            throw new MalformedRecordException(ProblemKind.MALFORMED,
                    "last line has no terminating newline (torn write)");
        }
        return parser.parse(line.text());
    }

    /**
     * Parses one stored line {@code <base64 signature> <canonical body>} (without its newline).
     *
     * @throws MalformedRecordException with kind MALFORMED (unreadable, wrong fields or types) or NOT_CANONICAL
     *                                  (readable but not the single canonical byte form)
     */
    public static SignedRecord parseLine(String line) {
        return new RecordParser().parse(line);
    }

    static byte[] decodeSignature(String signature) {
        return Base64.getDecoder().decode(signature);
    }
}
