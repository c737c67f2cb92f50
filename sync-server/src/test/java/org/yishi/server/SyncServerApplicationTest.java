package org.yishi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
    void argumentsOfTheCommandLineBecomeSpringProperties() {
        assertThat(SyncServerApplication.springArguments(new String[] {"--data", "/d", "--port", "0", "--config", "/c.yaml", "--x=y"}))
                .containsExactly("--yishi.data-dir=/d", "--server.port=0", "--spring.config.additional-location=file:/c.yaml", "--x=y");
    }
}
