package org.yishi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.VerificationReport;
import org.yishi.e2e.support.EnrolledTill;
import org.yishi.e2e.support.Scripts;
import org.yishi.e2e.support.TillCli;
import org.yishi.till.sync.SyncSettings;

/**
 * The online check and the offline periods, with a real server: a lunch sold and synced at one counter is refused a
 * second subsidy at another counter that has not synced since — its online check asked the server as the elder came
 * up — and the sale records how its limits were counted. A till that cannot reach its server journals OFFLINE_START,
 * flags its sales offline, counts locally at once (no elder waits for a dead server), says at shift close how many
 * records the server has not acknowledged, and journals OFFLINE_END when it is back; the journal verifies without a
 * warning and the server ends with every record.
 */
class OnlineCheckAndOfflineTest extends ServerFixture {

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        startServer(dir, Map.of());
    }

    @Test
    void aCounterThatHasNotSyncedLearnsOfTheOtherCountersLunchFromTheOnlineCheck() {
        EnrolledTill first = enrolled("C01");
        EnrolledTill second = enrolled("C01");
        String uid = registry.activeCards().get(30);
        String other = registry.activeCards().get(31);

        TillCli.script(first.dir(), Scripts.lunchtime(Scripts.day(6, 11, 10), List.of(uid))).requireOk();
        assertThat(TillCli.sync(first.dir()).status()).isZero();

        List<String> lines = new ArrayList<>(Scripts.openShift(Scripts.day(6, 11, 20)));
        lines.add("{\"do\":\"tap\",\"uid\":\"" + uid + "\"}");
        lines.add("{\"do\":\"cancel\"}");
        lines.addAll(Scripts.sale(other));
        TillCli.Run second11 = TillCli.script(second.dir(), lines);
        List<String> out = second11.out().lines().toList();
        assertThat(out.get(2)).as("the elder's lunch at the first counter, learnt at the counter")
                .contains("\"reason\":\"limit_reached\"").contains("\"usage_check\":\"online\"");
        assertThat(out.get(4)).as("another elder: subsidised, counted online").contains("\"state\":\"bill\"")
                .contains("\"usage_check\":\"online\"").doesNotContain("\"subsidy_fen\":0,");
        SignedRecord sale = second.journal().stream().filter(r -> r.type() == RecordType.SALE).reduce((a, b) -> b).orElseThrow();
        assertThat(sale.line()).contains("\"usageCheck\":\"online\"").contains("\"offline\":false");
        assertThat(TillCli.sync(second.dir()).status()).isZero();
        assertServerHoldsExactly(second);
    }

    @Test
    void aTillThatCannotReachItsServerJournalsTheOfflinePeriodAndCatchesUpAfter() throws IOException {
        EnrolledTill till = enrolled("C01");
        String url = Files.readAllLines(till.dir().resolve(SyncSettings.FILE)).stream().filter(l -> l.startsWith("server.url="))
                .findFirst().orElseThrow();
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        setServerUrl(till, "server.url=http\\://127.0.0.1\\:" + deadPort);

        TillCli.Run unreachable = TillCli.sync(till.dir());
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot be reached");
        SignedRecord start = till.last();
        assertThat(start.type()).isEqualTo(RecordType.OFFLINE_START);
        assertThat(TillCli.sync(till.dir()).status()).as("still unreachable").isEqualTo(1);
        assertThat(till.last().seq()).as("one OFFLINE_START per offline period").isEqualTo(start.seq());

        List<String> lines = new ArrayList<>(Scripts.openShift(Scripts.day(7, 11, 5)));
        lines.addAll(Scripts.sale(registry.activeCards().get(40)));
        // the count is the float only: the supervisor approves the variance (the copayment is not what is tested here)
        lines.add("{\"do\":\"close_shift\",\"counted_fen\":50000,\"supervisor\":\"2001\",\"pin\":\"9999\"}");
        TillCli.Run offline = TillCli.script(till.dir(), lines);
        assertThat(offline.out()).contains("\"usage_check\":\"local\"").contains("\"state\":\"shift_closed\"");
        String closed = offline.out().lines().filter(l -> l.contains("shift_closed")).findFirst().orElseThrow();
        assertThat(closed).as("the shift close says what the server has not yet got").containsPattern("\"unacknowledged\":[1-9][0-9]*");
        SignedRecord sale = till.journal().stream().filter(r -> r.type() == RecordType.SALE).reduce((a, b) -> b).orElseThrow();
        assertThat(sale.line()).contains("\"offline\":true").contains("\"usageCheck\":\"local\"");

        setServerUrl(till, url);
        TillCli.Run back = TillCli.sync(till.dir());
        assertThat(back.status()).as(back.out() + back.err()).isZero();
        SignedRecord end = till.journal().stream().filter(r -> r.type() == RecordType.OFFLINE_END).findFirst().orElseThrow();
        assertThat(end.line()).contains("\"offlineSinceSeq\":" + start.seq());
        assertThat(end.seq()).as("journalled as the server answered again, before the round's upload").isGreaterThan(sale.seq());
        assertServerHoldsExactly(till);
        VerificationReport report = JournalVerifier.trustOnFirstUse().verify(till.journalFile());
        assertThat(report.ok()).isTrue();
        // (the script's clock runs days ahead of the sync's real one: a "clock set back" warning is the test's own doing)
        assertThat(report.warnings()).as("every sale's offline flag matches the journalled periods")
                .noneMatch(w -> w.toString().contains("offline"));
    }

    private static void setServerUrl(EnrolledTill till, String line) throws IOException {
        Path file = till.dir().resolve(SyncSettings.FILE);
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            lines.add(l.startsWith("server.url=") ? line : l);
        }
        Files.write(file, lines);
    }
}
