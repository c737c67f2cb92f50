package org.yishi.server.apitoken;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.core.journal.JournalFormat;
import org.yishi.server.common.AuditLog;
import org.yishi.server.problem.Problems;
import org.yishi.server.security.TillTokens;
import org.yishi.sync.protocol.ProblemType;

/**
 * Administrator API tokens (docs/server.md, "API tokens"): an account signed in with its password creates a bearer
 * token for scripts, which then acts as that account with its role at the moment of use; it lists and revokes its own
 * (an administrator: everyone's). The token is shown once, at creation; the server keeps its SHA-256 only.
 */
@RestController
public class ApiTokenController {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 366;

    /** The body of {@code POST /api/v1/api-tokens}: what the token is for, and for how many days (default 90). */
    public record NewToken(String label, Integer days) {
    }

    private final ApiTokenMapper tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final ApiTokens minting = new ApiTokens();

    public ApiTokenController(ApiTokenMapper tokens, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/api/v1/api-tokens")
    @Transactional
    public ResponseEntity<Object> create(@RequestBody NewToken body, Authentication who) {
        if (byToken(who)) {
            return Problems.answer(ProblemType.FORBIDDEN, "an API token cannot create tokens: sign in with the account's password");
        }
        if (body.label() == null || body.label().isBlank() || body.label().length() > 100) {
            return Problems.answer(ProblemType.MALFORMED, "label: 1-100 characters saying what the token is for");
        }
        int days = body.days() == null ? DEFAULT_DAYS : body.days();
        if (days < 1 || days > MAX_DAYS) {
            return Problems.answer(ProblemType.MALFORMED, "days: 1-" + MAX_DAYS + " (default " + DEFAULT_DAYS + ")");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plusDays(days);
        ApiTokens.Minted minted = minting.mint();
        tokens.insert(minted.tokenId(), TillTokens.hash(minted.token()), who.getName(), body.label().strip(), now, expires);
        audit.record(who.getName(), "api_token_create", minted.tokenId(), body.label().strip() + ", expires " + time(expires));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tokenId", minted.tokenId());
        answer.put("token", minted.token());
        answer.put("label", body.label().strip());
        answer.put("expiresAt", time(expires));
        return ResponseEntity.status(201).body(answer);
    }

    @GetMapping("/api/v1/api-tokens")
    public List<Map<String, Object>> list(Authentication who) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tokens.list(administrator(who) ? null : who.getName()).stream().map(t -> shown(t, now)).toList();
    }

    @PostMapping("/api/v1/api-tokens/{tokenId}/revoke")
    @Transactional
    public ResponseEntity<Object> revoke(@PathVariable String tokenId, Authentication who) {
        ApiTokenMapper.TokenRow t = tokens.find(tokenId);
        // Someone else's token is "not found" to all but an administrator: its id is not confirmed to exist.
        if (t == null || !(administrator(who) || t.username().equals(who.getName()))) {
            return Problems.answer(ProblemType.NOT_FOUND, "no API token " + tokenId + " of yours");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (tokens.revoke(tokenId, now) == 1) {
            audit.record(who.getName(), "api_token_revoke", tokenId, "of " + t.username());
        }
        return ResponseEntity.ok(shown(tokens.find(tokenId), now));
    }

    private Map<String, Object> shown(ApiTokenMapper.TokenRow t, OffsetDateTime now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tokenId", t.tokenId());
        out.put("username", t.username());
        out.put("label", t.label());
        out.put("state", t.revokedAt() != null ? "revoked" : t.expiresAt().isAfter(now) ? "active" : "expired");
        out.put("createdAt", time(t.createdAt()));
        out.put("expiresAt", time(t.expiresAt()));
        out.put("revokedAt", t.revokedAt() == null ? null : time(t.revokedAt()));
        out.put("lastUsedAt", t.lastUsedAt() == null ? null : time(t.lastUsedAt()));
        return out;
    }

    private String time(OffsetDateTime t) {
        return JournalFormat.formatTime(t.atZoneSameInstant(clock.getZone()).toOffsetDateTime());
    }

    private static boolean byToken(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> ApiTokenFilter.BY_TOKEN.equals(a.getAuthority()));
    }

    private static boolean administrator(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> "ROLE_ADMINISTRATOR".equals(a.getAuthority()));
    }
}
