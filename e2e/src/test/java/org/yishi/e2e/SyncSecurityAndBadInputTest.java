package org.yishi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.journal.JournalWriter;
import org.yishi.core.journal.OfflineStartPayload;
import org.yishi.core.journal.TillKeys;
import org.yishi.e2e.support.AdminApi;
import org.yishi.e2e.support.EnrolledTill;
import org.yishi.e2e.support.Scripts;
import org.yishi.e2e.support.ServerProcess;
import org.yishi.e2e.support.TillCli;
import org.yishi.sync.protocol.JournalBatch;
import org.yishi.sync.protocol.SyncJson;

/**
 * The upload endpoint from outside, with real tokens: a till's token cannot upload for another till, a revoked token
 * is refused, lines signed by a key the till never registered are refused, an enrolment code works once; malformed,
 * ill-typed, oversized, gapped and tampered batches get precise problem details and store nothing (the server's record
 * count is checked); and no secret of the whole run appears in the server's output.
 */
class SyncSecurityAndBadInputTest extends ServerFixture {

    @TempDir
    static Path dir;
    private static final SyncJson JSON = new SyncJson();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        startServer(dir, Map.of());
    }


    private static String token(EnrolledTill till) throws IOException {
        return Files.readString(till.dir().resolve("secrets/sync-token")).strip();
    }

    private static HttpResponse<String> post(String token, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> lines(EnrolledTill till) throws IOException {
        return Files.readAllLines(till.journalFile(), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    private static long held(EnrolledTill till) {
        return admin.till(till.tillId()).get("records").asLong();
    }

    @Test
    void aTillTokenUploadsOnlyForItsOwnTillAndARevokedTokenIsRefused() throws Exception {
        EnrolledTill a = enrolled("C01");
        EnrolledTill b = enrolled("C01");
        String batchOfB = JSON.write(new JournalBatch(b.tillId(), 1, lines(b)));

        HttpResponse<String> wrongTill = post(token(a), "/api/v1/sync/journal", batchOfB);
        assertThat(wrongTill.statusCode()).isEqualTo(403);
        assertThat(wrongTill.body()).contains("https://yishi.org/problems/forbidden");
        assertThat(held(b)).isZero();

        AdminApi.expect(admin.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/tills/" + a.tillId() + "/revoke"))
                .POST(HttpRequest.BodyPublishers.noBody())), 200);
        HttpResponse<String> revoked = post(token(a), "/api/v1/sync/journal", JSON.write(new JournalBatch(a.tillId(), 1, lines(a))));
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("https://yishi.org/problems/token-revoked");
        assertThat(held(a)).isZero();
    }

    @Test
    void anApiTokenActsAsItsAccountUntilRevokedAndCannotMintTokens() throws Exception {
        AdminApi.Answer created = AdminApi.expect(admin.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/api-tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"nightly import script\",\"days\":7}"))), 201);
        String token = created.json().get("token").asString();
        String tokenId = created.json().get("tokenId").asString();
        assertThat(token).startsWith("ya1." + tokenId + ".");
        assertThat(created.json().get("expiresAt").asString()).endsWith("+08:00");

        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/tills/NO-SUCH-TILL"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> write = post(token, "/api/v1/tills", "{\"tillId\":\"BY-TOKEN-T1\",\"canteenId\":\"C03\"}");
        HttpResponse<String> mint = post(token, "/api/v1/api-tokens", "{\"label\":\"another\"}");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(404);
        assertThat(read.body()).contains("https://yishi.org/problems/not-found");
        assertThat(write.statusCode()).as(write.body()).isEqualTo(201);
        assertThat(mint.statusCode()).isEqualTo(403);
        assertThat(mint.body()).contains("cannot create tokens");

        for (String bad : List.of("{\"label\":\"\"}", "{\"label\":\"x\",\"days\":0}", "{\"label\":\"x\",\"days\":367}")) {
            AdminApi.Answer refused = admin.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/api-tokens"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(bad)));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).contains("https://yishi.org/problems/malformed");
        }
        AdminApi.Answer listed = AdminApi.expect(admin.get("/api/v1/api-tokens"), 200);
        assertThat(listed.body()).contains("\"tokenId\":\"" + tokenId + "\"").contains("\"state\":\"active\"")
                .contains("nightly import script").doesNotContain("ya1.");
        assertThat(listed.json().get(0).get("lastUsedAt").isNull()).isFalse();

        AdminApi.Answer revoked = AdminApi.expect(admin.send(HttpRequest.newBuilder(
                URI.create(server.url() + "/api/v1/api-tokens/" + tokenId + "/revoke")).POST(HttpRequest.BodyPublishers.noBody())), 200);
        assertThat(revoked.json().get("state").asString()).isEqualTo("revoked");
        HttpResponse<String> afterRevoke = post(token, "/api/v1/tills", "{\"tillId\":\"BY-TOKEN-T2\",\"canteenId\":\"C03\"}");
        HttpResponse<String> unknown = post("ya1.aaaaaaaaaaaa." + "A".repeat(43), "/api/v1/tills", "{}");
        assertThat(afterRevoke.statusCode()).isEqualTo(401);
        assertThat(afterRevoke.body()).contains("https://yishi.org/problems/token-revoked");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("https://yishi.org/problems/unauthenticated");
        assertThat(admin.get("/api/v1/tills/BY-TOKEN-T2").status()).isEqualTo(404);
    }

    @Test
    void linesSignedByAKeyTheTillNeverRegisteredAreRefusedAndNothingIsStored() throws Exception {
        EnrolledTill till = enrolled("C01");
        Path forged = dir.resolve("forged-" + till.tillId() + ".jsonl");
        try (JournalWriter w = JournalWriter.open(forged, TillKeys.generate(), till.tillId(), Clock.system(ZoneId.of("Asia/Shanghai")))) {
            w.append(new OfflineStartPayload("forged"));
        }
        List<String> lines = Files.readAllLines(forged).stream().filter(l -> !l.isBlank()).toList();

        HttpResponse<String> r = post(token(till), "/api/v1/sync/journal", JSON.write(new JournalBatch(till.tillId(), 1, lines)));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("https://yishi.org/problems/verification-failed").contains("\"seq\":1").contains("\"kind\"");
        assertThat(held(till)).isZero();
    }

    @Test
    void anEnrolmentCodeWorksOnce() {
        String code = admin.createTill("E2E-ONCE", "C01");
        assertThat(TillCli.enroll(server.url(), code, root.resolve("tills/once-1"), "E2E-ONCE").status()).isZero();

        TillCli.Run again = TillCli.enroll(server.url(), code, root.resolve("tills/once-2"), "E2E-ONCE");

        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("enrolment-code-invalid");
    }

    @Test
    void badBatchesGetPreciseProblemsAndStoreNothing() throws Exception {
        EnrolledTill till = enrolled("C01");
        TillCli.script(till.dir(), Scripts.lunchtime(Scripts.day(1, 11, 0), registry.activeCards().subList(30, 32))).requireOk();
        List<String> lines = lines(till);
        String token = token(till);

        assertThat(post(token, "/api/v1/sync/journal", "{not json").body()).contains("problems/malformed");
        HttpResponse<String> types = post(token, "/api/v1/sync/journal", "{\"tillId\":\"" + till.tillId() + "\",\"fromSeq\":\"one\",\"lines\":[]}");
        assertThat(types.statusCode()).isEqualTo(400);
        assertThat(types.body()).contains("problems/malformed");
        HttpResponse<String> huge = post(token, "/api/v1/sync/journal", "{\"tillId\":\"x\",\"lines\":[\"" + "a".repeat(9 * 1024 * 1024) + "\"]}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("problems/too-large");
        HttpResponse<String> gap = post(token, "/api/v1/sync/journal", JSON.write(new JournalBatch(till.tillId(), 3, lines.subList(2, 4))));
        assertThat(gap.statusCode()).isEqualTo(409);
        assertThat(gap.body()).contains("problems/sequence-gap").contains("\"expectedSeq\":1");
        String tampered = lines.get(1).replace("\"seq\":2", "\"seq\":2 ");
        HttpResponse<String> nonCanonical = post(token, "/api/v1/sync/journal",
                JSON.write(new JournalBatch(till.tillId(), 1, List.of(lines.get(0), tampered))));
        assertThat(nonCanonical.statusCode()).as(nonCanonical.body()).isEqualTo(422);
        assertThat(held(till)).as("nothing of a refused batch is stored").isZero();

        // the honest lines, overlapping batches: stored once; then a fork is refused and kept as evidence
        assertThat(post(token, "/api/v1/sync/journal", JSON.write(new JournalBatch(till.tillId(), 1, lines.subList(0, 3)))).statusCode()).isEqualTo(200);
        assertThat(post(token, "/api/v1/sync/journal", JSON.write(new JournalBatch(till.tillId(), 2, lines.subList(1, lines.size())))).statusCode())
                .isEqualTo(200);
        assertThat(held(till)).isEqualTo(lines.size());
        String other = lines.get(1) + " ";
        HttpResponse<String> fork = post(token, "/api/v1/sync/journal", JSON.write(new JournalBatch(till.tillId(), 2, List.of(other))));
        assertThat(fork.statusCode()).as(fork.body()).isEqualTo(409);
        assertThat(fork.body()).contains("problems/fork").contains("\"seq\":2");
        assertThat(held(till)).isEqualTo(lines.size());
    }

    @Test
    void noSecretOfTheRunAppearsInTheServersOutput() throws Exception {
        EnrolledTill till = enrolled("C01");
        assertThat(TillCli.sync(till.dir()).status()).isZero();
        String code = admin.createTill("E2E-SECRET", "C01");
        String log = Files.readString(server.log());
        List<String> tokens;
        try (Stream<Path> s = Files.walk(root.resolve("tills"))) {
            tokens = s.filter(p -> p.endsWith("sync-token")).map(p -> {
                try {
                    return Files.readString(p).strip();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toList());
        }
        assertThat(tokens).isNotEmpty();
        assertThat(log).contains("Yishi server listening on").doesNotContain(ServerProcess.ADMIN_PASSWORD).doesNotContain(code);
        for (String t : tokens) {
            assertThat(log).doesNotContain(t).doesNotContain(t.substring(t.lastIndexOf('.') + 1));
        }
    }
}
