package org.yishi.till.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.yishi.config.till.TillConfigException;
import org.yishi.core.journal.JournalFormat;
import org.yishi.till.config.ConfiguredTill;
import org.yishi.till.config.TillConfigMapping;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;
import org.yishi.till.sync.SyncSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi till ack --config DIR/till.yaml [--out FILE]}: the latest acknowledgement the settlement server signed
 * for this till, as received — the outside anchor {@code journal verify --anchor FILE --server-key KEY} checks the
 * journal against (nothing the till's holder can forge: it is the server's signature). Exit 0 when there is one, 1 when
 * the server has acknowledged nothing yet, 2 wrong usage.
 */
@Command(name = "ack", description = "Print (or write to --out) the settlement server's latest signed acknowledgement of this "
        + "till's journal: the anchor for journal verify --anchor.")
final class TillAckCommand implements Callable<Integer> {

    @ParentCommand
    private TillCommand parent;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The enrolled till's till.yaml.")
    private Path config;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the acknowledgement here instead of printing it.")
    private Path out;

    @Override
    public Integer call() {
        YishiCommand root = parent.root();
        CliMessages m = root.messages();
        ConfiguredTill till;
        SyncSettings settings;
        try {
            till = new TillConfigMapping().load(config);
            settings = SyncSettings.beside(config);
        } catch (TillConfigException e) {
            root.err().println(m.get("till.config.invalid", config, e.total()));
            return 2;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            root.err().println(e.getMessage());
            return 2;
        }
        String tillId = till.setup().tillId();
        Path dataDir = till.setup().dataDir();
        Optional<String> ack;
        try (TillStore store = TillStore.open(new TillDataDirectory(dataDir), tillId, till.clock())) {
            ack = store.syncServer().read().acknowledgementJson();
        }
        if (ack.isEmpty()) {
            root.err().println(m.get("till.ack.none", tillId));
            return 1;
        }
        String anchor;
        if (out == null) {
            root.out().println(ack.get());
            anchor = "ACK.json";
        } else {
            try {
                Files.writeString(out, ack.get() + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                root.err().println(m.get("till.ack.cannotWrite", out, e.getMessage()));
                return 1;
            }
            anchor = out.toString();
        }
        root.err().println(m.get("till.ack.verifyWith", dataDir, anchor, JournalFormat.encodePublicKey(settings.serverKey())));
        return 0;
    }
}
