package org.yishi.admin.qr;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options {@code qr issue} and {@code card print} share: whose token, signed with which key, for how long. Filled
 * by picocli as a mixin.
 */
public final class IssueOptions {

    @Option(names = "--elder", required = true, description = "Elder registry id (elder_id in elders.csv).")
    private String elderId;

    @Option(names = "--key", required = true, description = "Issuing private key file (from `qr keygen`).")
    private Path keyFile;

    @Option(names = "--key-id", description = "Issuer key id; default: the key-id line of the key file.")
    private String keyId;

    @Option(names = "--days", defaultValue = "365", description = "Validity in days (1-3650). Default: ${DEFAULT-VALUE}.")
    private int days;

    @Option(names = "--registry", defaultValue = "var/demo/registry",
            description = "Registry CSV directory (elders.csv, cards.csv). Default: ${DEFAULT-VALUE}.")
    private Path registry;

    @Option(names = "--card", description = "Card UID (hex) when the elder has several active cards.")
    private String cardUid;

    public String elderId() {
        return elderId;
    }

    public Path keyFile() {
        return keyFile;
    }

    /** As given, or null: then the key file's own key-id line. */
    public String keyId() {
        return keyId;
    }

    public int days() {
        return days;
    }

    public Path registry() {
        return registry;
    }

    /** As given, or null: then the elder's only active card. */
    public String cardUid() {
        return cardUid;
    }
}
