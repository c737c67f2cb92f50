package org.yishi.till.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.yishi.config.till.TillConfigException;
import org.yishi.config.yaml.Problem;
import org.yishi.core.journal.SignedRecord;
import org.yishi.till.checkout.DemoTill;
import org.yishi.till.config.ConfiguredTill;
import org.yishi.till.config.TillConfigMapping;
import org.yishi.till.demo.DemoTillData;
import org.yishi.core.journal.KeyHistory;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi till rotate-key --config FILE | --demo [--dir DIR] [--reason TEXT]}: replaces a till's signing key
 * (docs/till-store.md#key-rotation) while the till is not running. Exit 0 rotated, 1 not rotated, 2 wrong usage.
 */
@Command(name = "rotate-key", description = "Replace the till's signing key: a new key is saved, a KEY_ROTATION signed by the "
        + "old key is journalled, the old private key is deleted; keys/till-ed25519.history keeps every public key. "
        + "The till must not be running.")
final class TillRotateKeyCommand implements Callable<Integer> {

    @ParentCommand
    private TillCommand parent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Which which;

    /** Which till: configured or the demo one. */
    static final class Which {
        @Option(names = "--config", required = true, paramLabel = "FILE", description = "The till configured in FILE (docs/till-config.md).")
        private Path config;

        @Option(names = "--demo", required = true, description = "The demo till.")
        private boolean demo;
    }

    @Option(names = "--dir", paramLabel = "DIR", description = "With --demo: the demo directory (default var/demo).")
    private Path dir;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "scheduled",
            description = "Why, written into the KEY_ROTATION record. Default: ${DEFAULT-VALUE}.")
    private String reason;

    @Override
    public Integer call() {
        YishiCommand root = parent.root();
        CliMessages m = root.messages();
        if (which.config != null && dir != null) {
            root.err().println(m.get("till.rotate.dirWithoutDemo"));
            return 2;
        }
        if (reason.isBlank()) {
            root.err().println(m.get("till.rotate.noReason"));
            return 2;
        }
        Path dataDir;
        String tillId;
        ZoneId zone;
        if (which.config != null) {
            ConfiguredTill till;
            try {
                till = new TillConfigMapping().load(which.config);
            } catch (TillConfigException e) {
                root.err().println(m.get("till.config.invalid", which.config, e.total()));
                for (Problem problem : e.problems()) {
                    root.err().println("  " + problem);
                }
                return 2;
            }
            dataDir = till.setup().dataDir();
            tillId = till.setup().tillId();
            zone = till.setup().zone();
        } else {
            dataDir = (dir != null ? dir : Path.of("var", "demo")).resolve("till");
            tillId = DemoTillData.TILL_ID;
            zone = DemoTill.ZONE;
        }
        TillDataDirectory data = new TillDataDirectory(dataDir);
        if (!Files.isRegularFile(data.journalFile(tillId))) {
            // A till that never opened has no key yet: its first key is made, and announced, when it first opens.
            root.err().println(m.get("till.rotate.noJournal", tillId, data.root()));
            return 1;
        }
        try (TillStore store = TillStore.open(data, tillId, Clock.system(zone))) {
            String old = store.keyHistory().current().keyId();
            SignedRecord rotation = store.rotateKey(reason);
            KeyHistory history = store.keyHistory();
            root.out().println(m.get("till.rotate.done", tillId, old, history.current().keyId(), rotation.seq(),
                    data.keyFile(), data.keyHistoryFile(), history.current().publicKey()));
            return 0;
        } catch (RuntimeException e) {
            root.err().println(m.get("till.rotate.failed", tillId, data.root(), String.valueOf(e.getMessage())));
            return 1;
        }
    }
}
