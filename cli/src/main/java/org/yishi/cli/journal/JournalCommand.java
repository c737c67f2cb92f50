package org.yishi.cli.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.yishi.cli.CommandContext;
import org.yishi.cli.Messages;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.KeyHistory;
import org.yishi.core.journal.TillKeyFiles;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.journal.VerificationReport;
import org.yishi.core.money.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi journal …}: the till journal, for auditors, installers and administrators. One command class for both
 * jars — the till's ({@code org.yishi.till.cli.YishiCommand}) and the administrator's ({@code org.yishi.admin.AdminCommand})
 * list it among their subcommands — so that a journal verifies the same way wherever it is checked.
 */
@Command(name = "journal", description = "Till journal tools.", subcommands = JournalCommand.Verify.class)
public final class JournalCommand {

    /** The resource bundle of the journal commands' text (Chinese first, English). */
    public static final String MESSAGES = "org.yishi.cli.journal.messages";

    @ParentCommand
    CommandContext root;

    Messages messages() {
        return Messages.of(MESSAGES, root.language());
    }

    /**
     * {@code yishi journal verify PATH}: recomputes chain, sequence, signatures, references and totals and names the
     * first bad record. PATH is a journal file, a till data directory (every journal in it), or a till's H2 database
     * file (the journal as its mirror holds it, read-only).
     */
    @Command(name = "verify", description = "Verify a till journal: a journal file, a till data directory, or a till database (till.mv.db).")
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        private JournalCommand parent;

        @Parameters(paramLabel = "PATH", description = "Journal file (journal-<till>.jsonl), till data directory, or till database (till.mv.db).")
        private Path path;

        @Option(names = "--public-key", description = "Trust only this public key (base64 X.509), e.g. from the server's till registry.")
        private List<String> publicKeys = new ArrayList<>();

        @Option(names = "--key-file", description = "Trust only the public half of this till key file.")
        private Path keyFile;

        @Option(names = "--till", description = "The till id the journal must belong to.")
        private String tillId;

        @Option(names = "--anchor", paramLabel = "SEQ[:HASH]|FILE",
                description = "A record known to exist: SEQ[:HASH], or the server's signed acknowledgement (a JSON file, "
                        + "e.g. from ./yishi till ack; needs --server-key). Detects cut-off or rewritten journals.")
        private String anchor;

        @Option(names = "--server-key", paramLabel = "BASE64",
                description = "The settlement server's public key (base64 X.509, server.key in the till's sync.properties): "
                        + "an acknowledgement given to --anchor must be signed by it.")
        private String serverKey;

        @Override
        public Integer call() {
            CommandContext root = parent.root;
            Messages m = parent.messages();
            List<Path> journals = journalsAt(path);
            if (journals.isEmpty()) {
                root.err().println(m.get("journal.none", path));
                return 2;
            }
            JournalVerifier.Builder builder = JournalVerifier.builder();
            publicKeys.forEach(k -> builder.trustKey(JournalFormat.decodePublicKey(k)));
            Path pinnedFrom = keyFile;
            Optional<KeyHistory> history = Optional.empty();
            if (pinnedFrom == null && publicKeys.isEmpty() && Files.isDirectory(path)) {
                // A till data directory: pin the till's first key from its key history (public, readable by an auditor);
                // the keys it rotated to are trusted through the KEY_ROTATION records, each signed by the one before.
                // A till from before key histories has only its key file, and never rotated.
                TillKeyFiles keys = TillKeyFiles.of(path);
                history = KeyHistory.readIfPresent(keys.history());
                Path own = keys.signingKey();
                pinnedFrom = history.isEmpty() && Files.isRegularFile(own) ? own : null;
            }
            if (history.isPresent()) {
                KeyHistory h = history.get();
                builder.trustKey(h.first());
                root.out().println(m.get("journal.pinned.history", TillKeyFiles.of(path).history(),
                        h.entries().get(0).keyId(), h.entries().size() - 1));
            } else if (pinnedFrom != null) {
                builder.trustKey(TillKeys.load(pinnedFrom).publicKey());
                root.out().println(m.get("journal.pinned", pinnedFrom));
            }
            String till = tillId;
            if (anchor != null && Files.isRegularFile(Path.of(anchor))) {
                if (serverKey == null) {
                    root.err().println(m.get("journal.ack.needsKey", anchor));
                    return 2;
                }
                AcknowledgementAnchor.Outcome outcome = AcknowledgementAnchor.read(Path.of(anchor), serverKey);
                if (outcome instanceof AcknowledgementAnchor.Refused r) {
                    root.err().println(m.get(r.messageKey(), r.arguments()));
                    return 1;
                }
                if (outcome instanceof AcknowledgementAnchor.NothingAcknowledged n) {
                    root.out().println(m.get("journal.ack.nothing", n.acknowledgement().tillId(), n.acknowledgement().serverTime()));
                } else if (outcome instanceof AcknowledgementAnchor.Anchored a) {
                    var ack = a.acknowledgement();
                    if (till != null && !till.equals(ack.tillId())) {
                        root.err().println(m.get("journal.ack.otherTill", anchor, ack.tillId(), till));
                        return 2;
                    }
                    till = ack.tillId();
                    if (!anchored(builder, ack.seq(), ack.hash(), root, m)) {
                        return 1;
                    }
                    root.out().println(m.get("journal.ack.anchor", ack.tillId(), ack.seq(), ack.serverTime(), ack.keyId()));
                }
            } else if (anchor != null) {
                int colon = anchor.indexOf(':');
                long seq;
                try {
                    seq = Long.parseLong(colon < 0 ? anchor : anchor.substring(0, colon));
                } catch (NumberFormatException e) {
                    root.err().println(m.get("journal.anchor.bad", anchor));
                    return 2;
                }
                if (!anchored(builder, seq, colon < 0 ? null : anchor.substring(colon + 1), root, m)) {
                    return 2;
                }
            }
            if (till != null) {
                builder.expectTill(till);
            }
            JournalVerifier verifier = builder.build();
            boolean allOk = true;
            for (Path journal : journals) {
                VerificationReport report = MirrorExport.isDatabaseFile(journal)
                        ? verifier.verify(MirrorExport.lines(journal)) : verifier.verify(journal);
                print(root, m, journal, report);
                allOk &= report.ok();
                if (report.ok() && history.isPresent()) {
                    allOk &= fitsHistory(root, m, journal, history.get().fit(report.keyIds()));
                }
            }
            return allOk ? 0 : 1;
        }

        /** Sets the anchor, or says why it cannot be one (a seq below 1, a hash that is not one). */
        private static boolean anchored(JournalVerifier.Builder builder, long seq, String hash, CommandContext root, Messages m) {
            try {
                builder.expectAnchor(seq, hash);
                return true;
            } catch (IllegalArgumentException e) {
                root.err().println(m.get("journal.anchor.bad", e.getMessage()));
                return false;
            }
        }

        private static void print(CommandContext root, Messages m, Path journal, VerificationReport r) {
            root.out().println(m.get(r.ok() ? "journal.ok" : "journal.failed", journal, r.tillId(), r.recordsVerified(),
                    r.linesRead(), r.lastSeq(), r.lastHash()));
            root.out().println(m.get("journal.trust." + r.trust().name().toLowerCase(Locale.ROOT), String.join(", ", r.keyIds())));
            r.firstProblem().ifPresent(p -> root.out().println(m.get("journal.problem", p.kind(), p.lineNumber(), p.seq(), p.message())));
            r.warnings().forEach(w -> root.out().println(m.get("journal.warning", w)));
            var t = r.grandTotals();
            root.out().println(m.get("journal.totals", t.sales(), t.voids(), t.refunds(), Money.ofFen(t.priceFen()),
                    Money.ofFen(t.subsidyFen()), Money.ofFen(t.copayFen())));
            t.subsidyByFunder().forEach((funder, fen) -> root.out().println(m.get("journal.funder", funder, Money.ofFen(fen))));
        }

        /** Whether the journal was signed with the till's keys, in order, up to the current one; says why not. */
        private static boolean fitsHistory(CommandContext root, Messages m, Path journal, KeyHistory.Fit fit) {
            if (fit instanceof KeyHistory.Fit.Differs d) {
                root.out().println(m.get("journal.history.differs", journal, d.position(), d.journalKeyId(),
                        d.historyKeyId() == null ? "—" : d.historyKeyId()));
                return false;
            }
            if (fit instanceof KeyHistory.Fit.CutOff c) {
                root.out().println(m.get("journal.history.cutoff", journal, c.journalLastKeyId(), c.currentKeyId()));
                return false;
            }
            return true;
        }

        private static List<Path> journalsAt(Path path) {
            if (Files.isRegularFile(path)) {
                return List.of(path);
            }
            Path dir = Files.isDirectory(path.resolve("journal")) ? path.resolve("journal") : path;
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.getFileName().toString().matches("journal-.+\\.jsonl")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
