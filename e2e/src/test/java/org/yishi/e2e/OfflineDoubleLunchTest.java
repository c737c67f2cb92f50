package org.yishi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.e2e.support.AdminApi;
import org.yishi.e2e.support.EnrolledTill;
import org.yishi.e2e.support.Scripts;
import org.yishi.e2e.support.TillCli;

/**
 * The offline double lunch: two counters of one canteen, both offline, each subsidise the same elder's lunch. After
 * both sync, the till that synced later knows the other's lunch and refuses a third subsidy (limit reached), and the
 * server lists the double claim with both records as evidence.
 */
class OfflineDoubleLunchTest extends ServerFixture {

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        startServer(dir, Map.of());
    }


    @Test
    void afterBothSyncTheLaterTillRefusesAThirdAndTheServerListsTheDoubleClaim() {
        EnrolledTill first = enrolled("C01");
        EnrolledTill second = enrolled("C01");
        String uid = registry.activeCards().get(20);
        String elder = registry.elderOf(uid);

        TillCli.Run a = TillCli.script(first.dir(), Scripts.lunchtime(Scripts.day(5, 11, 10), List.of(uid)));
        TillCli.Run b = TillCli.script(second.dir(), Scripts.lunchtime(Scripts.day(5, 11, 20), List.of(uid)));
        assertThat(a.out()).contains("\"state\":\"sale\"").doesNotContain("\"subsidy_fen\":0,");
        assertThat(b.out()).as("offline, the second counter cannot know").contains("\"state\":\"sale\"").doesNotContain("\"subsidy_fen\":0,");

        assertThat(TillCli.sync(first.dir()).status()).isZero();
        assertThat(TillCli.sync(second.dir()).status()).isZero();

        List<String> third = new ArrayList<>(Scripts.login(Scripts.day(5, 11, 40)));
        third.add("{\"do\":\"tap\",\"uid\":\"" + uid + "\"}");
        TillCli.Run refused = TillCli.script(second.dir(), third);
        assertThat(refused.out()).contains("\"reason\":\"limit_reached\"");

        AdminApi.Answer claims = AdminApi.expect(admin.get("/api/v1/reports/double-claims?day=" + Scripts.day(5, 0, 0).toLocalDate()), 200);
        assertThat(claims.body()).contains(elder).contains(first.tillId()).contains(second.tillId());
    }
}
