package org.yishi.till.store.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.config.registry.RegistryManifest;

/**
 * The elder part of a registry export as a till imports it: the elders (the registry's elders.csv, or the server's
 * minimised till-elders.csv), cards.csv, and how they apply (the export's manifest.csv: full or delta,
 * docs/registry-csv.md).
 */
public record RegistryExport(Path elders, Path cards, RegistryManifest manifest) {

    public RegistryExport {
        Objects.requireNonNull(elders, "elders");
        Objects.requireNonNull(cards, "cards");
        Objects.requireNonNull(manifest, "manifest");
    }

    /**
     * The export in {@code dir}: its till-elders.csv (a server download) or else its elders.csv (a registry export),
     * its cards.csv, and its manifest.csv (full when there is none).
     *
     * @throws IllegalArgumentException if the manifest is there but unreadable: then nothing may be imported
     */
    public static RegistryExport in(Path dir) {
        return new RegistryExport(eldersIn(dir), dir.resolve(RegistryFormat.CARDS.fileName()), RegistryManifest.read(dir));
    }

    /** The elders file of the export in {@code dir}: till-elders.csv when there is one, else elders.csv. */
    public static Path eldersIn(Path dir) {
        Path minimised = dir.resolve(RegistryFormat.TILL_ELDERS.fileName());
        return Files.isRegularFile(minimised) ? minimised : dir.resolve(RegistryFormat.ELDERS.fileName());
    }
}
