package org.yishi.till.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.yishi.config.demo.DemoDataGenerator;
import org.yishi.sync.protocol.SyncJson;
import org.yishi.till.sync.Enroller;

/**
 * The demo's enrolled till ({@code ./yishi demo}): on the first run, the demo registry with the demo staff (cashier 1001
 * / PIN 1234, supervisor 2001 / PIN 9999 … as PIN hashes; {@code DemoStaff}) is imported into the demo server through the administrator
 * API, till {@value #TILL_ID} is created for canteen C01 and enrolled into {@code DIR/till}. Later runs reuse it. What an
 * administrator and a canteen would do by hand, for a demo on one machine.
 */
public final class ServerDemo {

    public static final String TILL_ID = "DEMO-C01-T1";

    private ServerDemo() {
    }

    /** @return the enrolled till's till.yaml */
    public static Path enrolledTill(URI server, String adminPassword, Path dir, int elders) {
        Path config = dir.resolve("till").resolve("till.yaml");
        if (Files.isRegularFile(config)) {
            return config;
        }
        Path registry = dir.resolve("registry");
        new DemoDataGenerator().generate(DemoDataGenerator.Options.of(elders, 1), registry);
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            MultipartEntityBuilder parts = MultipartEntityBuilder.create();
            for (String part : List.of("canteens", "elders", "cards", "menu", "staff")) {
                parts.addBinaryBody(part, registry.resolve(part + ".csv").toFile(), ContentType.create("text/csv", StandardCharsets.UTF_8),
                        part + ".csv");
            }
            HttpPost importing = new HttpPost(server.resolve("/api/v1/registry/import?mode=full"));
            importing.setHeader("Authorization", auth);
            importing.setEntity(parts.build());
            expect(http.execute(importing, r -> new Answer(r.getCode(), EntityUtils.toString(r.getEntity()))), "registry import");
            HttpPost create = new HttpPost(server.resolve("/api/v1/tills"));
            create.setHeader("Authorization", auth);
            create.setEntity(new StringEntity("{\"tillId\":\"" + TILL_ID + "\",\"canteenId\":\"C01\"}", ContentType.APPLICATION_JSON));
            Answer created = http.execute(create, r -> new Answer(r.getCode(), EntityUtils.toString(r.getEntity())));
            if (created.status() == 409) {
                // Created on an earlier run whose enrolment did not finish: a new code.
                HttpPost rotate = new HttpPost(server.resolve("/api/v1/tills/" + TILL_ID + "/token"));
                rotate.setHeader("Authorization", auth);
                created = http.execute(rotate, r -> new Answer(r.getCode(), EntityUtils.toString(r.getEntity())));
            }
            expect(created, "till creation");
            String code = new SyncJson().mapper().readTree(created.body()).path("enrolmentCode").asString();
            Enroller.Outcome enrolled = new Enroller(Clock.system(ZoneId.of("Asia/Shanghai"))).enroll(server, code, dir.resolve("till"), TILL_ID);
            if (enrolled instanceof Enroller.Outcome.Refused r) {
                throw new IllegalStateException("the demo till was not enrolled: " + r.why());
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("the demo server " + server + " cannot be reached: " + e.getMessage(), e);
        }
    }

    private record Answer(int status, String body) {
    }

    private static void expect(Answer a, String what) {
        if (a.status() / 100 != 2) {
            throw new IllegalStateException("the demo server refused the " + what + ": HTTP " + a.status() + " " + a.body());
        }
    }
}
