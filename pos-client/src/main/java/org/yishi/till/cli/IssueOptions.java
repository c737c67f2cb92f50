package org.yishi.till.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options {@code qr issue} and {@code card print} share: whose token, signed with which key, for how long. */
final class IssueOptions {

    @Option(names = "--elder", required = true, description = "Elder registry id (elder_id in elders.csv).")
    String elderId;

    @Option(names = "--key", required = true, description = "Issuing private key file (from `qr keygen`).")
    Path keyFile;

    @Option(names = "--key-id", description = "Issuer key id; default: the key-id line of the key file.")
    String keyId;

    @Option(names = "--days", defaultValue = "365", description = "Validity in days (1-3650). Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--registry", defaultValue = "var/demo/registry",
            description = "Registry CSV directory (elders.csv, cards.csv). Default: ${DEFAULT-VALUE}.")
    Path registry;

    @Option(names = "--card", description = "Card UID (hex) when the elder has several active cards.")
    String cardUid;
}
