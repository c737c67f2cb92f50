package org.yishi.till.store.registry;

import java.nio.file.Path;
import java.util.Objects;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.config.registry.RegistryManifest;

/**
 * The elder part of a registry export as a till imports it: elders.csv, cards.csv, and how they apply (the export's
 * manifest.csv: full or delta, docs/registry-csv.md).
 */
public record RegistryExport(Path elders, Path cards, RegistryManifest manifest) {

    public RegistryExport {
        Objects.requireNonNull(elders, "elders");
        Objects.requireNonNull(cards, "cards");
        Objects.requireNonNull(manifest, "manifest");
    }

    /**
     * The export in {@code dir}: its elders.csv and cards.csv, and its manifest.csv (full when there is none).
     *
     * @throws IllegalArgumentException if the manifest is there but unreadable: then nothing may be imported
     */
    public static RegistryExport in(Path dir) {
        return new RegistryExport(dir.resolve(RegistryFormat.ELDERS.fileName()), dir.resolve(RegistryFormat.CARDS.fileName()),
                RegistryManifest.read(dir));
    }
}
