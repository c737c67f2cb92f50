package org.yishi.till.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yishi.config.demo.DemoDataGenerator;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.till.config.TillInstaller;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.registry.ImportReport;

/**
 * The demo till's world: a Zengcheng canteen under the shipped Zengcheng policy, with the demo registry. Used by
 * the text-mode lunchtime ({@link LunchRush}) and the JavaFX till's demo mode alike.
 */
public final class DemoTillData {

    public static final String TILL_ID = "GZ-ZC-C01-T1";
    public static final String CANTEEN_ID = "C01";
    public static final String POLICY_ID_FILE = "guangzhou-zengcheng-2020.yaml";

    private DemoTillData() {
    }

    /** Writes the demo registry CSVs under {@code registryDir} unless they are there already. */
    public static void ensureRegistry(Path registryDir, int elders) {
        if (!Files.isRegularFile(registryDir.resolve(RegistryFormat.ELDERS.fileName()))) {
            new DemoDataGenerator().generate(DemoDataGenerator.Options.of(elders, 1), registryDir);
        }
    }

    /**
     * Fills a new till's cache through the journalled paths: the REGISTRY_UPDATE and POLICY_UPDATE records let the
     * server prove which registry snapshot and which policy text the till worked from.
     */
    public static List<ImportReport> install(TillStore store, Path registry, Path policiesDir, String source) {
        return TillInstaller.install(store, registry, policiesDir.resolve(POLICY_ID_FILE), source).imports();
    }
}
