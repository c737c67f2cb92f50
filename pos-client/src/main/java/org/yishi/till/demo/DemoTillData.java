package org.yishi.till.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yishi.config.category.CategoryVocabulary;
import org.yishi.config.demo.DemoDataGenerator;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.config.registry.RegistryFormat;
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
        var people = store.importRegistry(registry.resolve(RegistryFormat.ELDERS.fileName()),
                registry.resolve(RegistryFormat.CARDS.fileName()), CategoryVocabulary.standard(), source);
        var canteens = store.menus().importCanteens(registry.resolve(RegistryFormat.CANTEENS.fileName()));
        var menu = store.menus().importMenu(registry.resolve(RegistryFormat.MENU.fileName()));
        Path policyFile = policiesDir.resolve(POLICY_ID_FILE);
        try {
            store.installPolicy(new PolicyLoader().load(policyFile), Files.readString(policyFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(people.elders(), people.cards(), canteens, menu);
    }
}
