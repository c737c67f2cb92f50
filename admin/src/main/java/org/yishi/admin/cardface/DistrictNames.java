package org.yishi.admin.cardface;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * District names for the card face, from the district table the demo registry is built on (GB/T 2260 codes of
 * the demo city). A code it does not know is printed as the code: correct, if less friendly.
 */
public final class DistrictNames {

    private static final String TABLE = "org/yishi/config/demo/guangzhou-towns.csv";

    private final Map<String, String> names;

    private DistrictNames(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    /** The demo city's districts (empty if the table is not on the class path). */
    public static DistrictNames load() {
        Map<String, String> names = new HashMap<>();
        InputStream in = DistrictNames.class.getClassLoader().getResourceAsStream(TABLE);
        if (in == null) {
            return new DistrictNames(names);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            // district_code,district_name,town_code,town_name,weight — plain fields, no quoting in this table.
            reader.lines().skip(1).map(l -> l.split(",", -1)).filter(f -> f.length >= 2)
                    .forEach(f -> names.putIfAbsent(f[0].strip(), f[1].strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DistrictNames(names);
    }

    /** The name of the district with this 6-digit code, or the code itself. */
    public String nameOf(String code) {
        return names.getOrDefault(code, code);
    }
}
