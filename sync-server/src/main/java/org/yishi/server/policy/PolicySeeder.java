package org.yishi.server.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a server with no policy yet: the calendars and policies shipped with Yishi ({@code calendars/}, {@code policies/}
 * of the installation, {@code yishi.home}), loaded and validated as an upload would be. A city replaces them through the
 * API; a server that has any policy is never touched.
 */
@Component
@Order(10)
public class PolicySeeder implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PolicySeeder.class);
    private final PolicyLibrary library;
    private final Path home;

    public PolicySeeder(PolicyLibrary library, @Value("${yishi.home:.}") Path home) {
        this.library = library;
        this.home = home;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (library.policyCount() > 0) {
            return;
        }
        for (Path file : yaml(home.resolve("calendars"))) {
            log(file, library.uploadCalendar(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        for (Path file : yaml(home.resolve("policies"))) {
            log(file, library.uploadPolicy(Files.readString(file, StandardCharsets.UTF_8)));
        }
    }

    private static void log(Path file, PolicyLibrary.Upload outcome) {
        if (outcome instanceof PolicyLibrary.Upload.Stored s) {
            LOG.info("shipped {} stored ({} {})", file.getFileName(), s.policyId(), s.version());
        } else if (outcome instanceof PolicyLibrary.Upload.Refused r) {
            LOG.warn("shipped {} not stored: {}", file.getFileName(), r.problems());
        }
    }

    private static List<Path> yaml(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
