package org.yishi.receipts.print;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a printer said about itself, or that it said nothing.
 *
 * <p>{@link Reply#UNKNOWN} is normal for printers and outputs without a back channel (device files, spooler
 * queues, network printers that ignore {@code DLE EOT}); it is not an error and does not stop printing.
 *
 * @param reply      whether the printer answered
 * @param conditions what it reported (empty unless {@code reply == ANSWERED})
 * @param detail     a developer-facing note: which queries went unanswered, why the printer was unreachable
 */
public record PrinterStatus(Reply reply, Set<PrinterCondition> conditions, String detail) {

    /** Whether and how the printer answered a status query. */
    public enum Reply {
        /** It answered; {@link #conditions()} says what it reported. */
        ANSWERED,
        /** It did not answer in time, or the output has no way to ask. */
        UNKNOWN,
        /** It could not be reached at all (connection refused, device missing). */
        UNREACHABLE
    }

    public PrinterStatus {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(detail, "detail");
        conditions = conditions.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(conditions));
        if (reply != Reply.ANSWERED && !conditions.isEmpty()) {
            throw new IllegalArgumentException("only an answered status carries conditions, got " + reply + " " + conditions);
        }
    }

    /** A printer that answered with {@code conditions}. */
    public static PrinterStatus answered(Set<PrinterCondition> conditions) {
        return new PrinterStatus(Reply.ANSWERED, conditions, "");
    }

    /** No answer, for the reason given. */
    public static PrinterStatus unknown(String detail) {
        return new PrinterStatus(Reply.UNKNOWN, Set.of(), detail);
    }

    /** Not reachable, for the reason given. */
    public static PrinterStatus unreachable(String detail) {
        return new PrinterStatus(Reply.UNREACHABLE, Set.of(), detail);
    }

    /** Whether the printer answered and reported nothing that stops printing. */
    public boolean isReady() {
        return reply == Reply.ANSWERED && conditions.stream().noneMatch(PrinterCondition::stopsPrinting);
    }

    /** Whether the printer itself said it cannot print now; {@code false} when it said nothing. */
    public boolean reportsStopped() {
        return reply == Reply.ANSWERED && conditions.stream().anyMatch(PrinterCondition::stopsPrinting);
    }

    /** Whether the printer reported {@code condition}. */
    public boolean has(PrinterCondition condition) {
        return conditions.contains(condition);
    }
}
