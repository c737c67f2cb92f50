package org.yishi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.yishi.e2e.support.AdminApi;
import org.yishi.e2e.support.EnrolledTill;
import org.yishi.e2e.support.Scripts;
import org.yishi.e2e.support.TillCli;

/**
 * The settlement server and real tills, end to end over HTTP, on one database (a subclass says which): enrol, sell
 * through the scripted till, sync, and find every journal record on the server exactly once; a card reported lost on
 * the server refused at the till after its next sync; twenty tills selling and syncing at once.
 */
abstract class SyncEndToEnd extends ServerFixture {

    @Test
    void aTillEnrolsSellsAndSyncsAndTheServerHoldsEveryRecordOnce() {
        EnrolledTill till = enrolled("C01");
        List<String> cards = registry.activeCards();
        TillCli.script(till.dir(), Scripts.lunchtime(Scripts.day(1, 11, 0), cards.subList(0, 3))).requireOk();

        TillCli.Run sync = TillCli.sync(till.dir());

        assertThat(sync.status()).as(sync.out() + sync.err()).isZero();
        assertServerHoldsExactly(till);
        // A second round sends nothing new and changes nothing.
        assertThat(TillCli.sync(till.dir()).status()).isZero();
        assertServerHoldsExactly(till);
    }

    @Test
    void aCardReportedLostOnTheServerIsRefusedAtTheTillAfterItsNextSync() {
        EnrolledTill till = enrolled("C01");
        String uid = registry.activeCards().get(10);
        AdminApi.expect(admin.cardLost(uid), 200, 204);

        assertThat(TillCli.sync(till.dir()).status()).isZero();
        List<String> lines = new ArrayList<>(Scripts.openShift(Scripts.day(2, 11, 0)));
        lines.add(Scripts.tapAt(uid, Scripts.day(2, 11, 5)));
        TillCli.Run run = TillCli.script(till.dir(), lines);

        assertThat(run.out()).contains("\"reason\":\"card_lost\"");
    }

    @Test
    void twentyTillsSellAndSyncAtOnceAndEveryRecordIsHeldOnce() throws Exception {
        List<EnrolledTill> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(enrolled("C" + String.format("%02d", 1 + i % 20)));
        }
        List<String> cards = registry.activeCards();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                EnrolledTill till = all.get(i);
                List<String> mine = cards.subList(100 + (i * 8) % 180, 100 + (i * 8) % 180 + 8);
                done.add(pool.submit(() -> {
                    TillCli.script(till.dir(), Scripts.lunchtime(Scripts.day(3, 11, 0), mine.subList(0, 4)));
                    TillCli.sync(till.dir());
                    List<String> second = new ArrayList<>(Scripts.login(Scripts.day(3, 17, 0)));
                    mine.subList(4, 8).forEach(uid -> second.addAll(Scripts.sale(uid)));
                    TillCli.script(till.dir(), second);
                    return TillCli.sync(till.dir());
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (EnrolledTill till : all) {
            // Whatever a concurrent round left unacknowledged, one more round finishes.
            assertThat(TillCli.sync(till.dir()).status()).isZero();
            assertServerHoldsExactly(till);
        }
    }
}
