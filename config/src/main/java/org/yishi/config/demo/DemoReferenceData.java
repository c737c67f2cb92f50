package org.yishi.config.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.yishi.config.csv.CsvReader;
import org.yishi.config.csv.CsvRecord;

/** The data the demo generator draws from: the demo city's towns and name pools (resources, not code). */
record DemoReferenceData(List<Town> towns, List<Map.Entry<String, Integer>> surnames, List<String> maleNames,
        List<String> femaleNames) {

    static DemoReferenceData load() {
        List<Town> towns = new ArrayList<>();
        try (Reader r = resource("guangzhou-towns.csv")) {
            CsvReader csv = CsvReader.open(r);
            Optional<CsvRecord> row;
            while ((row = csv.next()).isPresent()) {
                CsvRecord t = row.get();
                towns.add(new Town(t.get("district_code"), t.get("district_name"), t.get("town_code"), t.get("town_name"),
                        Integer.parseInt(t.get("weight"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties names = new Properties();
        try (Reader r = resource("names.properties")) {
            names.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map.Entry<String, Integer>> surnames = Arrays.stream(names.getProperty("surnames").split(","))
                .map(s -> s.split(":"))
                .map(p -> Map.entry(p[0].strip(), Integer.parseInt(p[1].strip())))
                .toList();
        return new DemoReferenceData(towns, surnames, List.of(names.getProperty("male").split(",")),
                List.of(names.getProperty("female").split(",")));
    }

    private static Reader resource(String name) {
        InputStream in = DemoReferenceData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
