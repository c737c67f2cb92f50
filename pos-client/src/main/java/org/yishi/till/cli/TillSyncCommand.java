package org.yishi.till.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.yishi.config.till.TillConfigException;
import org.yishi.till.config.ConfiguredTill;
import org.yishi.till.config.TillConfigMapping;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;
import org.yishi.till.sync.SyncRound;
import org.yishi.till.sync.SyncSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi till sync --config DIR/till.yaml}: one full sync round, up and down, while the till is not running.
 * Exit 0 when everything is acknowledged, 1 when not (saying why and how many records wait), 2 wrong usage.
 */
@Command(name = "sync", description = "One sync round with the settlement server: journal up, registry, staff and policies down, "
        + "other tills' usage. Exit 0 when every record is acknowledged.")
final class TillSyncCommand implements Callable<Integer> {

    @ParentCommand
    private TillCommand parent;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The enrolled till's till.yaml.")
    private Path config;

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
        SyncRound.Result r;
        try (TillStore store = TillStore.open(new TillDataDirectory(till.setup().dataDir()), tillId, till.clock())) {
            r = new SyncRound(till.clock(), "yishi-till").run(store, settings, tillId);
        }
        if (r.complete()) {
            root.out().println(m.get("till.sync.done", tillId, r.uploaded(), r.acknowledgedSeq(), r.registryChange(), r.usageSales()));
            return 0;
        }
        root.err().println(m.get("till.sync.incomplete", tillId, r.waiting(), r.problem().orElse(m.get("till.sync.noProblem"))));
        return 1;
    }
}
