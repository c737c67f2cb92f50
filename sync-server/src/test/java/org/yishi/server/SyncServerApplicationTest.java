package org.yishi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yishi.sync.protocol.SyncPaths;

/** Boots the real server (H2 file in a temporary data directory) on a random port and asks it over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SyncServerApplicationTest {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("yishi.data-dir", () -> data.toString());
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersItsHealthCheckOverHttp() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void refusesTheApiWithoutCredentialsAndAnUnknownTillTokenWithProblemDetails() throws Exception {
        HttpResponse<String> anonymous = get("/api/v1/tills/T1", null);
        HttpResponse<String> unknownToken = get("/api/v1/sync/journal", "Bearer yt1.T1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(anonymous.body()).contains("https://yishi.org/problems/unauthenticated");
        assertThat(unknownToken.statusCode()).isEqualTo(401);
        assertThat(unknownToken.body()).contains("https://yishi.org/problems/unauthenticated");
    }

    @Test
    void servesItsOpenApiDescriptionWithEveryPathOfTheProtocolAndTheAdministratorApi() throws Exception {
        HttpResponse<String> json = get("/api/v1/openapi", null);
        HttpResponse<String> yaml = get("/api/v1/openapi.yaml", null);

        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).startsWith("{").contains("\"openapi\":\"3.").contains("Yishi settlement server")
                .contains("\"tillToken\"").contains("\"staffLogin\"");
        for (String path : List.of(SyncPaths.ENROL, SyncPaths.JOURNAL, SyncPaths.CHANGES, SyncPaths.SNAPSHOT, SyncPaths.USAGE,
                SyncPaths.ONLINE_CHECK, SyncPaths.HEARTBEAT, "/api/v1/registry/import", "/api/v1/policies", "/api/v1/tills",
                "/api/v1/tills/{tillId}", "/api/v1/cards/{uid}/lost")) {
            assertThat(json.body()).as(path).contains("\"" + path + "\"");
        }
        assertThat(json.body()).doesNotContain("/actuator");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("openapi: 3.").contains(SyncPaths.JOURNAL + ":");
    }

    @Test
    void argumentsOfTheCommandLineBecomeSpringProperties() {
        assertThat(SyncServerApplication.springArguments(new String[] {"--data", "/d", "--port", "0", "--config", "/c.yaml", "--x=y"}))
                .containsExactly("--yishi.data-dir=/d", "--server.port=0", "--spring.config.additional-location=file:/c.yaml", "--x=y");
    }
}
