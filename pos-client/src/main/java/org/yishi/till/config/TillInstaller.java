package org.yishi.till.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yishi.config.calendar.CalendarLoader;
import org.yishi.config.category.CategoryVocabulary;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.config.registry.RegistryManifest;
import org.yishi.core.policy.Policy;
import org.yishi.till.checkout.TillSetup;
import org.yishi.till.staff.StaffRegistry;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.policy.CalendarText;
import org.yishi.till.store.registry.ImportReport;
import org.yishi.till.store.registry.RegistryExport;

/**
 * Puts what a till sells from into its data directory: the registry export (elders, cards, canteens, menu, and
 * staff when the export has a staff.csv) and the subsidy policy file. Every import goes through the journalled
 * paths (REGISTRY_UPDATE, POLICY_UPDATE, STAFF roster_update), so the server can prove what the till worked from.
 * Run again with a newer export or policy version to refresh the till.
 */
public final class TillInstaller {

    /**
     * What was installed.
     *
     * @param manifest whether the registry export was full or delta, and whether it said so or the default applied
     */
    public record Report(RegistryManifest manifest, List<ImportReport> imports, Optional<StaffRegistry.ImportResult> staff,
            String policy) {
        public Report {
            Objects.requireNonNull(manifest, "manifest");
            imports = List.copyOf(imports);
            Objects.requireNonNull(staff, "staff");
            Objects.requireNonNull(policy, "policy");
        }
    }

    private TillInstaller() {
    }

    /**
     * Opens the till's store, installs, and closes it again.
     *
     * @throws IllegalArgumentException if a file is missing, the policy is not the one the till is configured for,
     *                                  or the canteen is not in the export
     */
    public static Report install(TillSetup setup, Path registryDir, Path policyFile, Clock clock) {
        Policy policy = new PolicyLoader().load(policyFile);
        if (!policy.id().equals(setup.policyId())) {
            throw new IllegalArgumentException(policyFile + " is policy \"" + policy.id() + "\", but till " + setup.tillId()
                    + " is configured for \"" + setup.policyId() + "\"");
        }
        try (TillStore store = TillStore.open(new TillDataDirectory(setup.dataDir()), setup.tillId(), clock)) {
            Report report = install(store, registryDir, policyFile, "install " + registryDir.getFileName());
            if (store.menus().findCanteen(setup.canteenId()).isEmpty()) {
                throw new IllegalArgumentException("canteen " + setup.canteenId() + " is not in " + registryDir
                        .resolve(RegistryFormat.CANTEENS.fileName()) + ": check canteen_id in the till's configuration");
            }
            return report;
        }
    }

    /**
     * The year files of the calendar {@code policy} names, from where the policy loader found them
     * ({@code calendars/} beside the policies directory); none for a policy that names no calendar.
     */
    public static List<CalendarText> calendarsOf(Policy policy, Path policyFile) throws IOException {
        String id = policy.calendar().id();
        if (id.isEmpty()) {
            return List.of();
        }
        Path dir = CalendarLoader.besidePolicies(policyFile);
        List<CalendarText> years = new ArrayList<>();
        for (Integer year : policy.calendar().loadedYears()) {
            years.add(CalendarText.read(dir.resolve(id + "-" + year + ".yaml")));
        }
        return years;
    }

    /**
     * Installs into an open store (the demo till uses this too).
     *
     * @throws IllegalArgumentException if a file is missing or the export's manifest.csv is unreadable (nothing is
     *                                  imported then)
     */
    public static Report install(TillStore store, Path registryDir, Path policyFile, String source) {
        RegistryInstalled registry = installRegistry(store, registryDir, source);
        Policy policy = installPolicy(store, policyFile);
        return new Report(registry.manifest(), registry.imports(), registry.staff(), policy.id() + " " + policy.version());
    }

    /** What a registry export installed. */
    public record RegistryInstalled(RegistryManifest manifest, List<ImportReport> imports, Optional<StaffRegistry.ImportResult> staff) {
    }

    /**
     * Installs a registry export (elders, cards, canteens, menu; staff when it has a staff.csv) into an open store,
     * journalled as REGISTRY_UPDATE and STAFF roster_update.
     *
     * @throws IllegalArgumentException if a file is missing or the export's manifest.csv is unreadable (nothing is
     *                                  imported then)
     */
    public static RegistryInstalled installRegistry(TillStore store, Path registryDir, String source) {
        if (!Files.isRegularFile(RegistryExport.eldersIn(registryDir))) {
            throw new IllegalArgumentException("the registry export " + registryDir + " has no " + RegistryFormat.ELDERS.fileName());
        }
        for (RegistryFormat<?> format : List.of(RegistryFormat.CARDS, RegistryFormat.CANTEENS, RegistryFormat.MENU)) {
            Path file = registryDir.resolve(format.fileName());
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("the registry export " + registryDir + " has no " + format.fileName());
            }
        }
        RegistryExport export = RegistryExport.in(registryDir);
        List<ImportReport> imports = new ArrayList<>();
        var people = store.importRegistry(export, CategoryVocabulary.standard(), source);
        imports.add(people.elders());
        imports.add(people.cards());
        imports.add(store.menus().importCanteens(registryDir.resolve(RegistryFormat.CANTEENS.fileName())));
        imports.add(store.menus().importMenu(registryDir.resolve(RegistryFormat.MENU.fileName())));
        Path staffCsv = registryDir.resolve("staff.csv");
        Optional<StaffRegistry.ImportResult> staff = Files.isRegularFile(staffCsv)
                ? Optional.of(new StaffRegistry(store).importCsv(staffCsv, source))
                : Optional.empty();
        return new RegistryInstalled(export.manifest(), imports, staff);
    }

    /** Installs one policy file with the calendar years it names (from calendars/ beside policies/), journalled. */
    public static Policy installPolicy(TillStore store, Path policyFile) {
        Policy policy = new PolicyLoader().load(policyFile);
        try {
            store.installPolicy(policy, Files.readString(policyFile, StandardCharsets.UTF_8), calendarsOf(policy, policyFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return policy;
    }
}
