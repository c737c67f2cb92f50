package org.yishi.core.journal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Command line verifier for auditors:
 * {@code java -cp yishi-core.jar org.yishi.core.journal.VerifyJournalCommand JOURNAL [--key BASE64_X509 | --key-file TILL_KEY_FILE]
 * [--till TILL_ID] [--anchor SEQ[:HASH]]}. Prints the report; exit code 0 when the journal verifies, 1 when it
 * does not, 2 on a usage error.
 */
public final class VerifyJournalCommand {

    private VerifyJournalCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help")) {
            err.println("usage: VerifyJournalCommand JOURNAL [--key BASE64_X509_PUBLIC_KEY] [--key-file TILL_KEY_FILE]"
                    + " [--till TILL_ID] [--anchor SEQ[:HASH]]");
            return 2;
        }
        Path journal = Path.of(args.get(0));
        JournalVerifier.Builder builder = JournalVerifier.builder();
        try {
            for (int i = 1; i < args.size(); i += 2) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(args.get(i) + " needs a value");
                }
                String value = args.get(i + 1);
                switch (args.get(i)) {
                    case "--key" -> builder.trustKey(JournalFormat.decodePublicKey(value));
                    case "--key-file" -> builder.trustKey(TillKeys.load(Path.of(value)).publicKey());
                    case "--till" -> builder.expectTill(value);
                    case "--anchor" -> {
                        int colon = value.indexOf(':');
                        builder.expectAnchor(Long.parseLong(colon < 0 ? value : value.substring(0, colon)),
                                colon < 0 ? null : value.substring(colon + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
            }
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(journal)) {
            err.println("error: no journal file " + journal);
            return 2;
        }
        VerificationReport report = builder.build().verify(journal);
        out.print(report.summary());
        return report.ok() ? 0 : 1;
    }
}
