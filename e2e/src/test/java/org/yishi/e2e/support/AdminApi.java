package org.yishi.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administrator API as an outside caller uses it (docs/server.md): HTTP Basic as {@code admin}, JSON answers.
 * Every call checks the status it expects and fails the test with the server's problem detail otherwise.
 */
public final class AdminApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String authorization;
    private final Duration timeout;

    public AdminApi(String base, String user, String password) {
        this(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
                Duration.ofSeconds(120));
    }

    private AdminApi(String base, String authorization, Duration timeout) {
        this.base = base;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    /** The same caller with another answer timeout (a benchmark's import of millions of rows takes minutes). */
    public AdminApi withTimeout(Duration timeout) {
        return new AdminApi(base, authorization, timeout);
    }

    public static AdminApi of(ServerProcess server) {
        return new AdminApi(server.url(), "admin", ServerProcess.ADMIN_PASSWORD);
    }

    /** An answer: status and body. */
    public record Answer(int status, String body, String contentType) {
        public JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }
    }

    /** POST /api/v1/registry/import with one part per file of {@code dir} that exists, named as the API names them. */
    public Answer importRegistry(Path dir, String mode) {
        String boundary = "yishi-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (String part : List.of("canteens", "elders", "cards", "menu", "staff")) {
                Path file = dir.resolve(part + ".csv");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + part
                        + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(Files.readAllBytes(file));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/registry/import?mode=" + mode))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Answer uploadPolicy(Path yaml) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/policies")).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(Files.readString(yaml))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POST /api/v1/tills → the one-time enrolment code. */
    public String createTill(String tillId, String canteenId) {
        Answer a = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tills")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tillId\":\"" + tillId + "\",\"canteenId\":\"" + canteenId + "\"}")));
        expect(a, 200, 201);
        return a.json().get("enrolmentCode").asString();
    }

    public JsonNode till(String tillId) {
        Answer a = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tills/" + tillId)).GET());
        expect(a, 200);
        return a.json();
    }

    public Answer cardLost(String uid) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cards/" + uid + "/lost")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.header("Authorization", authorization).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Answer expect(Answer a, int... statuses) {
        for (int s : statuses) {
            if (a.status() == s) {
                return a;
            }
        }
        throw new AssertionError("expected HTTP " + java.util.Arrays.toString(statuses) + ", got " + a.status() + ": " + a.body());
    }
}
