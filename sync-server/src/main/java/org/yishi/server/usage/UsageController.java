package org.yishi.server.usage;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.core.journal.JournalFormat;
import org.yishi.server.common.ServerBeans;
import org.yishi.server.journal.JournalMapper;
import org.yishi.server.problem.Problems;
import org.yishi.sync.protocol.OnlineCheckRequest;
import org.yishi.sync.protocol.ProblemType;
import org.yishi.sync.protocol.SyncPaths;
import org.yishi.sync.protocol.UsageEntry;
import org.yishi.sync.protocol.UsagePage;
import org.yishi.sync.protocol.UsageRequest;
import org.yishi.sync.protocol.UsageReversal;

/**
 * Limits across tills (docs/sync-protocol-usage.md): {@code POST /api/v1/sync/usage} sends a till the other tills'
 * subsidised sales and reversals after what it has seen, per till by seq — exact whatever order uploads committed in.
 * {@code POST /api/v1/sync/online-check} answers the same for one elder at the counter, now. And for staff, {@code GET /api/v1/reports/double-claims?day=} lists elders subsidised in one meal slot at more than
 * one till (the offline double lunch): the evidence the integrity checks of the next issue build on.
 */
@RestController
public class UsageController {

    private final JournalMapper records;

    public UsageController(JournalMapper records) {
        this.records = records;
    }

    @PostMapping(SyncPaths.USAGE)
    @Transactional(readOnly = true)
    public ResponseEntity<Object> usage(@RequestBody UsageRequest request, Principal till) {
        String tillId = till.getName().substring("till:".length());
        OffsetDateTime windowStart;
        try {
            windowStart = OffsetDateTime.parse(request.windowStart());
        } catch (java.time.format.DateTimeParseException e) {
            return Problems.answer(ProblemType.MALFORMED, "windowStart is not an ISO-8601 time with offset: " + request.windowStart());
        }
        List<UsageEntry> sales = new ArrayList<>();
        List<UsageReversal> reversals = new ArrayList<>();
        Map<String, Long> seen = new TreeMap<>();
        boolean more = false;
        for (JournalMapper.TillSeq other : records.otherTills(tillId)) {
            long after = request.seenUpTo().getOrDefault(other.tillId(), 0L);
            if (after >= other.lastSeq()) {
                seen.put(other.tillId(), other.lastSeq());
                continue;
            }
            int room = request.limit() - sales.size() - reversals.size();
            if (room <= 0) {
                more = true;
                break;
            }
            List<JournalMapper.UsageRow> rows = records.usage(other.tillId(), after, other.lastSeq(), windowStart, room + 1);
            long reached = other.lastSeq();
            if (rows.size() > room) {
                rows = rows.subList(0, room);
                reached = rows.get(rows.size() - 1).seq();
                more = true;
            }
            for (JournalMapper.UsageRow r : rows) {
                if (r.recordType().equals("SALE")) {
                    sales.add(entry(r));
                } else if (r.refersTo() != null) {
                    reversals.add(new UsageReversal(r.tillId(), r.refersTo(), r.seq()));
                }
            }
            seen.put(other.tillId(), reached);
        }
        return ResponseEntity.ok(new UsagePage(sales, reversals, seen, more));
    }

    /** Most sales (and as many reversals) one online check answers with: a year of lunches and suppers. */
    static final int ONLINE_CHECK_LIMIT = 1000;

    /**
     * The online check: the elder's subsidised sales at other tills in the open windows and their reversals, as a
     * usage page without cursors. Two indexed look-ups by elder; no lock, read-only.
     */
    @PostMapping(SyncPaths.ONLINE_CHECK)
    @Transactional(readOnly = true)
    public ResponseEntity<Object> onlineCheck(@RequestBody OnlineCheckRequest request, Principal till) {
        String tillId = till.getName().substring("till:".length());
        OffsetDateTime windowStart;
        try {
            windowStart = OffsetDateTime.parse(request.windowStart());
        } catch (java.time.format.DateTimeParseException e) {
            return Problems.answer(ProblemType.MALFORMED, "windowStart is not an ISO-8601 time with offset: " + request.windowStart());
        }
        java.time.LocalDate fromDay = windowStart.atZoneSameInstant(ServerBeans.ZONE).toLocalDate();
        List<UsageEntry> sales = new ArrayList<>();
        for (JournalMapper.UsageRow r : records.elderUsage(tillId, request.elderId(), fromDay, windowStart, ONLINE_CHECK_LIMIT)) {
            sales.add(entry(r));
        }
        List<UsageReversal> reversals = new ArrayList<>();
        for (JournalMapper.UsageRow r : records.elderReversals(tillId, request.elderId(), fromDay, windowStart, ONLINE_CHECK_LIMIT)) {
            reversals.add(new UsageReversal(r.tillId(), r.refersTo(), r.seq()));
        }
        return ResponseEntity.ok(new UsagePage(sales, reversals, Map.of(), sales.size() >= ONLINE_CHECK_LIMIT));
    }

    private static UsageEntry entry(JournalMapper.UsageRow r) {
        return new UsageEntry(r.tillId(), r.seq(), r.elderId(), JournalFormat.formatTime(
                r.recordTime().atZoneSameInstant(ServerBeans.ZONE).toOffsetDateTime()), r.mealSlot(), r.channel(),
                r.subsidyFen() == null ? 0 : r.subsidyFen(), codes(r.ruleIds()), codes(r.providerRuleIds()));
    }

    /** Subsidised unreversed sales of one elder, day and slot at more than one till. */
    public record DoubleClaim(String elderId, String mealDay, String mealSlot, List<Claim> claims) {
    }

    /** One till's claim in a double claim. */
    public record Claim(String tillId, long seq, String receiptNo, long subsidyFen) {
    }

    @GetMapping("/api/v1/reports/double-claims")
    @Transactional(readOnly = true)
    public ResponseEntity<Object> doubleClaims(@RequestParam("day") String day) {
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(day);
        } catch (java.time.format.DateTimeParseException e) {
            return Problems.answer(ProblemType.MALFORMED, "day is a date, YYYY-MM-DD: " + day);
        }
        Map<String, DoubleClaim> byKey = new java.util.LinkedHashMap<>();
        for (JournalMapper.ClaimRow r : records.claimsAtSeveralTills(date)) {
            String key = r.elderId() + "|" + r.mealSlot();
            byKey.computeIfAbsent(key, k -> new DoubleClaim(r.elderId(), r.mealDay().toString(), r.mealSlot(), new ArrayList<>()))
                    .claims().add(new Claim(r.tillId(), r.seq(), r.receiptNo(), r.subsidyFen()));
        }
        return ResponseEntity.ok(Map.of("day", day, "doubleClaims", List.copyOf(byKey.values())));
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }
}
