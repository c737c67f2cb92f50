package org.yishi.core.journal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link JournalVerifier} found.
 *
 * @param firstProblem    the first bad record, if any; nothing after it was checked
 * @param warnings        findings that do not break integrity (clock set back, offline flag mismatch, ...)
 * @param trust           where trust in the first key came from
 * @param tillId          the journal's till, null if no record was read
 * @param keyIds          the keys that signed the verified records, in order of use (TILL_START's first)
 * @param linesRead       lines read, including the bad one
 * @param recordsVerified records that passed every check (the records before the first problem)
 * @param lastSeq         seq of the last verified record, 0 if none
 * @param lastHash        hash of the last verified record ({@link JournalFormat#GENESIS_PREV} if none): report it
 *                        to an external anchor so that a later truncation can be detected
 * @param countsByType    verified records per type
 * @param grandTotals     totals recomputed over the verified records (the whole journal's, when resumed from a
 *                        checkpoint)
 * @param checkpoint      the verified state after the last verified record: resume the next run from it
 *                        ({@link JournalVerifier.Builder#resumeFrom}); empty when no record was verified
 */
public record VerificationReport(Optional<JournalProblem> firstProblem, List<JournalWarning> warnings, TrustMode trust,
        String tillId, List<String> keyIds, long linesRead, long recordsVerified, long lastSeq, String lastHash,
        Map<RecordType, Long> countsByType, Totals grandTotals, Optional<JournalCheckpoint> checkpoint) {

    public VerificationReport {
        Objects.requireNonNull(checkpoint, "checkpoint");
        warnings = List.copyOf(warnings);
        keyIds = List.copyOf(keyIds);
        countsByType = Map.copyOf(countsByType);
    }

    /** True when every record passed and every anchor matched. */
    public boolean ok() {
        return firstProblem.isEmpty();
    }

    /** A few lines for a console or a log. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(ok() ? "OK" : "FAILED").append(": till ").append(tillId).append(", ").append(recordsVerified)
                .append(" records verified of ").append(linesRead).append(" lines read, last seq ").append(lastSeq)
                .append(", last hash ").append(lastHash).append('\n');
        sb.append("trust: ").append(trust).append(", keys ").append(keyIds).append('\n');
        firstProblem.ifPresent(p -> sb.append("first problem: ").append(p).append('\n'));
        if (!warnings.isEmpty()) {
            sb.append(warnings.size()).append(" warning(s):\n");
            warnings.forEach(w -> sb.append("  ").append(w).append('\n'));
        }
        return sb.toString();
    }
}
