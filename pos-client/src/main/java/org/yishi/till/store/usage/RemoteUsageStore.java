package org.yishi.till.store.usage;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.ibatis.session.SqlSession;
import org.yishi.core.policy.Channel;
import org.yishi.core.subsidy.PriorPurchase;
import org.yishi.sync.protocol.UsageEntry;
import org.yishi.sync.protocol.UsagePage;
import org.yishi.sync.protocol.UsageReversal;
import org.yishi.till.store.TillDatabase;
import org.yishi.till.store.ledger.LimitSpan;

/**
 * Other tills' subsidised meals as the settlement server reported them: what makes a limit count an elder's lunch at
 * another counter or canteen once both tills have synced. Stored by origin (till, seq), so a page applied twice, or a
 * page that repeats what an earlier one sent, changes nothing; this till's own sales are never taken from the server
 * (the sales index is their authority).
 *
 * <p>A page is applied in one transaction, cursors included: a crash leaves either the whole page or none of it, and
 * the next round asks from the cursors again.
 */
public final class RemoteUsageStore {

    private final TillDatabase db;
    private final String ownTillId;
    private final ZoneId zone;

    public RemoteUsageStore(TillDatabase db, String ownTillId, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.ownTillId = Objects.requireNonNull(ownTillId, "ownTillId");
        this.zone = Objects.requireNonNull(zone, "zone");
        db.addMapper(RemoteUsageMapper.class);
    }

    /** What was applied of a page. */
    public record Applied(int sales, int reversals, int ignoredOwn) {
    }

    /**
     * Applies one page of usage.
     *
     * @throws IllegalArgumentException if an entry's time, channel or codes cannot be read (nothing of the page is
     *                                  applied then)
     */
    public Applied apply(UsagePage page) {
        int sales = 0;
        int reversals = 0;
        int own = 0;
        try (SqlSession s = db.sessions().openSession()) {
            RemoteUsageMapper m = s.getMapper(RemoteUsageMapper.class);
            for (UsageEntry e : page.sales()) {
                if (e.tillId().equals(ownTillId)) {
                    own++;
                    continue;
                }
                m.upsert(row(e));
                sales++;
            }
            for (UsageReversal r : page.reversals()) {
                if (r.tillId().equals(ownTillId)) {
                    own++;
                    continue;
                }
                reversals += m.markReversed(r.tillId(), r.saleSeq(), r.reversalSeq());
            }
            Map<String, Long> cursors = seenUpTo(m);
            page.seenUpTo().forEach((till, seq) -> {
                if (!till.equals(ownTillId) && seq > cursors.getOrDefault(till, 0L)) {
                    m.setCursor(till, seq);
                }
            });
            s.commit();
        }
        return new Applied(sales, reversals, own);
    }

    /** Per other till, the highest seq the server has reported: the next request's {@code seenUpTo}. */
    public Map<String, Long> seenUpTo() {
        try (SqlSession s = db.sessions().openSession()) {
            return seenUpTo(s.getMapper(RemoteUsageMapper.class));
        }
    }

    /** The elder's unreversed meals at other tills in [{@code from}, {@code to}) local time, oldest first. */
    public List<PriorPurchase> unreversed(String elderId, LimitSpan span) {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(RemoteUsageMapper.class).unreversed(elderId, span.from(), span.to()).stream()
                    .map(RemoteSaleRow::toPriorPurchase).toList();
        }
    }

    /** Forgets meals sold before {@code before} (local time): no open limit window can hold them. */
    public int pruneBefore(LocalDateTime before) {
        try (SqlSession s = db.sessions().openSession()) {
            int n = s.getMapper(RemoteUsageMapper.class).pruneBefore(before);
            s.commit();
            return n;
        }
    }

    public long count() {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(RemoteUsageMapper.class).count();
        }
    }

    private static Map<String, Long> seenUpTo(RemoteUsageMapper m) {
        Map<String, Long> out = new TreeMap<>();
        m.cursors().forEach(c -> out.put(c.originTill(), c.seenUpTo()));
        return out;
    }

    private RemoteSaleRow row(UsageEntry e) {
        LocalDateTime local;
        try {
            local = OffsetDateTime.parse(e.time()).atZoneSameInstant(zone).toLocalDateTime();
        } catch (java.time.format.DateTimeParseException bad) {
            throw new IllegalArgumentException("usage " + e.tillId() + "#" + e.seq() + ": time \"" + e.time() + "\" is not an ISO-8601 time with offset");
        }
        Channel.fromCode(e.channel()); // refuses an unknown channel before anything is stored
        return new RemoteSaleRow(e.tillId(), e.seq(), e.elderId(), local, e.mealSlot(), e.channel(), e.subsidyFen(),
                String.join(";", e.ruleIds()), String.join(";", e.providerRuleIds()));
    }
}
