package org.yishi.core.journal;

import java.util.List;
import java.util.Objects;

/**
 * One journal of the conformance suite and what a verifier must say about it: one row of {@code manifest.csv}.
 *
 * @param name    file name without {@code .jsonl}
 * @param valid   whether it must verify
 * @param kind    for an invalid journal, the kind of its first problem; null when valid
 * @param seq     invalid: the seq the problem is reported at (0 only for a line that is not a record); valid: the last seq
 * @param line    invalid: the line the problem is reported at; 0 when valid
 * @param step    invalid: the step of docs/journal-format.md §9 that catches it ({@code 1}…{@code 12}, or {@code end} for
 *                the checks at the end of the journal); empty when valid
 * @param anchor  {@code SEQ:HASH} the verifier is given from outside, or empty
 * @param rule    the rule, in a few words, with its section of docs/journal-format.md
 * @param content the file's bytes
 */
record ConformanceCase(String name, boolean valid, ProblemKind kind, long seq, long line, String step, String anchor, String rule,
        byte[] content) {

    static final String HEADER = "file,expect,kind,seq,line,step,anchor,rule";

    ConformanceCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        if (!name.matches("[a-z0-9-]+") || rule.contains(",") || rule.contains("\"") || rule.contains("\n")) {
            throw new IllegalArgumentException("case " + name + ": names are [a-z0-9-], rules have no comma, quote or newline");
        }
    }

    static ConformanceCase valid(String name, String rule, List<String> lines) {
        return new ConformanceCase(name, true, null, lines.size(), 0, "", "", rule, Tamper.bytes(lines));
    }

    static ConformanceCase invalid(String name, String step, ProblemKind kind, long seq, long line, String rule, byte[] content) {
        return new ConformanceCase(name, false, kind, seq, line, step, "", rule, content);
    }

    /** A broken record that is also the record on its own line: the usual case. */
    static ConformanceCase invalid(String name, String step, ProblemKind kind, long seq, String rule, List<String> lines) {
        return invalid(name, step, kind, seq, seq, rule, Tamper.bytes(lines));
    }

    ConformanceCase withAnchor(long anchorSeq, String anchorHash) {
        return new ConformanceCase(name, valid, kind, seq, line, step, anchorSeq + ":" + anchorHash, rule, content);
    }

    String file() {
        return "journals/" + name + ".jsonl";
    }

    String manifestRow() {
        return String.join(",", file(), valid ? "valid" : "invalid", valid ? "" : kind.name(), Long.toString(seq),
                valid ? "" : Long.toString(line), step, anchor, rule);
    }
}
