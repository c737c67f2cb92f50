package org.yishi.core.journal;

/**
 * A journal line as {@link LinePreparer} left it for the rules: parsed, its payload read and its signature checked
 * ahead, or why not. Exactly one of {@code record}, {@code error} and {@code failure} is set for a line that was
 * decoded and terminated; none for one that was not (the rules report those from {@code line}).
 *
 * @param line         the line as read
 * @param record       the record, if the line parsed
 * @param error        why the line is not a record (MALFORMED, NOT_CANONICAL)
 * @param payload      the record's payload read, if the line parsed
 * @param verifiedWith the key its signature verified with ahead, or null (not checked ahead, or not valid)
 * @param failure      an unexpected exception while preparing, thrown again when the rules reach the line
 */
record PreparedLine(JournalLineReader.Line line, SignedRecord record, MalformedRecordException error,
        PayloadReading payload, Ed25519VerifyKey verifiedWith, RuntimeException failure) {

    static PreparedLine unreadable(JournalLineReader.Line line) {
        return new PreparedLine(line, null, null, null, null, null);
    }
}
