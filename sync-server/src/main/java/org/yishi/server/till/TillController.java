package org.yishi.server.till;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.core.journal.JournalFormat;
import org.yishi.server.common.AuditLog;
import org.yishi.server.problem.Problems;
import org.yishi.server.registry.RegistryMapper;
import org.yishi.server.security.TillTokens;
import org.yishi.sync.protocol.ProblemType;

/**
 * Tills in the administrator API: create one for a canteen (→ a one-time enrolment code), see it (what the server
 * holds of its journal), revoke it, or issue a new code (token rotation: enrolling again replaces the token).
 */
@RestController
public class TillController {

    private static final Pattern TILL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    /** The body of {@code POST /api/v1/tills}. */
    public record NewTill(String tillId, String canteenId) {
    }

    private final TillMapper tills;
    private final RegistryMapper registry;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration codeValidFor;
    private final TillTokens tokens = new TillTokens();

    public TillController(TillMapper tills, RegistryMapper registry, AuditLog audit, Clock clock,
            @Value("${yishi.enrolment.code-valid-for}") Duration codeValidFor) {
        this.tills = tills;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.codeValidFor = codeValidFor;
    }

    @PostMapping("/api/v1/tills")
    @Transactional
    public ResponseEntity<Object> create(@RequestBody NewTill body, Principal who) {
        if (body.tillId() == null || !TILL_ID.matcher(body.tillId()).matches()) {
            return Problems.answer(ProblemType.MALFORMED, "tillId: 1-32 letters, digits, - or _, starting with a letter or digit");
        }
        if (body.canteenId() == null || registry.canteenDistrict(body.canteenId()) == null) {
            return Problems.answer(ProblemType.INVALID, "canteenId: no canteen \"" + body.canteenId() + "\" in the registry");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            tills.insert(body.tillId(), body.canteenId(), now);
        } catch (DuplicateKeyException exists) {
            return Problems.answer(ProblemType.CONFLICT, "till " + body.tillId() + " exists: rotate its token to enrol it again");
        }
        tills.insertJournalState(body.tillId(), JournalFormat.GENESIS_PREV);
        Map<String, Object> answer = newCode(body.tillId(), now);
        audit.record(who.getName(), "till_create", body.tillId(), "canteen " + body.canteenId());
        return ResponseEntity.status(201).body(answer);
    }

    @GetMapping("/api/v1/tills/{tillId}")
    public ResponseEntity<Object> show(@PathVariable String tillId) {
        TillMapper.TillRow t = tills.find(tillId);
        if (t == null) {
            return Problems.answer(ProblemType.NOT_FOUND, "no till " + tillId);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tillId", t.tillId());
        out.put("canteenId", t.canteenId());
        out.put("status", t.status());
        out.put("records", t.records() == null ? 0 : t.records());
        out.put("lastSeq", t.lastSeq() == null ? 0 : t.lastSeq());
        out.put("lastHash", t.lastHash() == null ? JournalFormat.GENESIS_PREV : t.lastHash());
        out.put("lastSeen", t.lastSeen() == null ? null : JournalFormat.formatTime(t.lastSeen().atZoneSameInstant(clock.getZone()).toOffsetDateTime()));
        out.put("enrolledAt", t.enrolledAt() == null ? null : JournalFormat.formatTime(t.enrolledAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime()));
        return ResponseEntity.ok(out);
    }

    @PostMapping("/api/v1/tills/{tillId}/revoke")
    @Transactional
    public ResponseEntity<Object> revoke(@PathVariable String tillId, Principal who) {
        if (tills.revoke(tillId) == 0) {
            return Problems.answer(ProblemType.NOT_FOUND, "no till " + tillId);
        }
        audit.record(who.getName(), "till_revoke", tillId, null);
        return ResponseEntity.ok(Map.of("tillId", tillId, "status", "revoked"));
    }

    /** A new one-time code: enrolling with it gives the till a new token and replaces the old one. */
    @PostMapping("/api/v1/tills/{tillId}/token")
    @Transactional
    public ResponseEntity<Object> rotate(@PathVariable String tillId, Principal who) {
        if (tills.find(tillId) == null) {
            return Problems.answer(ProblemType.NOT_FOUND, "no till " + tillId);
        }
        Map<String, Object> answer = newCode(tillId, OffsetDateTime.now(clock));
        audit.record(who.getName(), "till_token_rotate", tillId, null);
        return ResponseEntity.ok(answer);
    }

    private Map<String, Object> newCode(String tillId, OffsetDateTime now) {
        String code = tokens.newEnrolmentCode();
        OffsetDateTime expires = now.plus(codeValidFor);
        tills.insertCode(TillTokens.hash(code), tillId, expires);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tillId", tillId);
        answer.put("enrolmentCode", code);
        answer.put("expiresAt", JournalFormat.formatTime(expires.atZoneSameInstant(clock.getZone()).toOffsetDateTime()));
        return answer;
    }
}
