package org.yishi.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yishi.config.demo.DemoDataGenerator;

/**
 * The demo registry ({@code ./yishi demo-data}) written once per test class, and the cards a script taps: active
 * cards of active elders, each elder once.
 */
public final class DemoRegistry {

    private final Path dir;

    private DemoRegistry(Path dir) {
        this.dir = dir;
    }

    /** The demo registry, with the demo till's staff (cashier 1001 / PIN 1234, supervisor 2001 / PIN 9999) as PIN hashes. */
    public static DemoRegistry write(Path dir, int elders, long seed) {
        new DemoDataGenerator().generate(DemoDataGenerator.Options.of(elders, seed), dir);
        if (!Files.isRegularFile(dir.resolve("staff.csv"))) {
            org.yishi.config.registry.PinHasher pins = new org.yishi.config.registry.PinHasher(org.yishi.config.registry.PinHasher.DEFAULT_COST);
            try {
                Files.writeString(dir.resolve("staff.csv"), "staff_no,name,roles,pin_hash\n"
                        + "1001,张收银,cashier," + pins.hash("1234".toCharArray()) + "\n"
                        + "2001,李主管,cashier;supervisor," + pins.hash("9999".toCharArray()) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DemoRegistry(dir);
    }

    public Path dir() {
        return dir;
    }

    /** UIDs of active cards whose elders are active, in file order, one per elder. */
    public List<String> activeCards() {
        try {
            List<String> elders = Files.readAllLines(dir.resolve("elders.csv"));
            List<String> header = List.of(elders.get(0).split(","));
            int idAt = header.indexOf("elder_id");
            int statusAt = header.indexOf("status");
            java.util.Set<String> active = new java.util.HashSet<>();
            for (String line : elders.subList(1, elders.size())) {
                String[] f = line.split(",", -1);
                // Names and addresses can hold quoted commas; such rows are skipped rather than misread.
                if (f.length == header.size() && "active".equals(f[statusAt])) {
                    active.add(f[idAt]);
                }
            }
            List<String> cards = Files.readAllLines(dir.resolve("cards.csv"));
            List<String> out = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String line : cards.subList(1, cards.size())) {
                String[] f = line.split(",");
                if ("active".equals(f[2]) && active.contains(f[1]) && seen.add(f[1])) {
                    out.add(f[0]);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The elder of a card. */
    public String elderOf(String uid) {
        try {
            return Files.readAllLines(dir.resolve("cards.csv")).stream().skip(1).map(l -> l.split(","))
                    .filter(f -> f[0].equalsIgnoreCase(uid)).map(f -> f[1]).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
