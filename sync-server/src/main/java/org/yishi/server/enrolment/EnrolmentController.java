package org.yishi.server.enrolment;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.core.journal.JournalFormat;
import org.yishi.server.common.AuditLog;
import org.yishi.server.common.ServerBeans;
import org.yishi.server.policy.PolicyLibrary;
import org.yishi.server.problem.Problems;
import org.yishi.server.registry.RegistryMapper;
import org.yishi.server.security.TillTokens;
import org.yishi.server.till.TillMapper;
import org.yishi.sync.protocol.Enrolment;
import org.yishi.sync.protocol.EnrolmentRequest;
import org.yishi.sync.protocol.ProblemType;
import org.yishi.sync.protocol.ServerSignatures;

/**
 * {@code POST /api/v1/enrol}: a new till with its one-time code gets its API token (shown once; the server keeps its
 * hash) and the server's signing key, and the server registers the till's journal key. An unknown, used or expired
 * code gets one answer (no oracle); too many failures from one address in an hour are answered 429.
 */
@RestController
public class EnrolmentController {

    private final TillMapper tills;
    private final RegistryMapper registry;
    private final PolicyLibrary policies;
    private final ServerSignatures.Signer signer;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailuresPerHour;
    private final TillTokens tokens = new TillTokens();

    public EnrolmentController(TillMapper tills, RegistryMapper registry, PolicyLibrary policies, ServerSignatures.Signer signer,
            AuditLog audit, Clock clock, @Value("${yishi.enrolment.max-attempts-per-hour}") int maxFailuresPerHour) {
        this.tills = tills;
        this.registry = registry;
        this.policies = policies;
        this.signer = signer;
        this.audit = audit;
        this.clock = clock;
        this.maxFailuresPerHour = maxFailuresPerHour;
    }

    @PostMapping("/api/v1/enrol")
    @Transactional
    public ResponseEntity<Object> enrol(@RequestBody EnrolmentRequest request, HttpServletRequest http) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String source = http.getRemoteAddr();
        if (tills.failedAttemptsSince(source, now.minusHours(1)) >= maxFailuresPerHour) {
            return Problems.answer(ProblemType.RATE_LIMITED, "too many failed enrolments from " + source + " in the last hour");
        }
        java.security.PublicKey key;
        try {
            key = JournalFormat.decodePublicKey(request.journalKey());
        } catch (IllegalArgumentException e) {
            return Problems.answer(ProblemType.MALFORMED, "journalKey is not a base64 X.509 Ed25519 public key");
        }
        if (tills.useCode(TillTokens.hash(TillTokens.normaliseCode(request.code())), request.tillId(), now) != 1) {
            tills.recordAttempt(source, now, false);
            return Problems.answer(ProblemType.ENROLMENT_CODE_INVALID, "this enrolment code is not valid for till " + request.tillId()
                    + " (unknown, used or expired): ask the administrator for a new one");
        }
        TillMapper.TillRow till = tills.find(request.tillId());
        String district = registry.canteenDistrict(till.canteenId());
        String policyId = policies.policyFor(district == null ? "" : district).orElse("");
        if (policyId.isEmpty()) {
            throw new Refused();
        }
        String token = tokens.newToken(request.tillId());
        tills.enrol(request.tillId(), JournalFormat.encodePublicKey(key), TillTokens.hash(token), now);
        tills.recordAttempt(source, now, true);
        audit.record("till:" + request.tillId(), "till_enrol", request.tillId(), "journal key " + JournalFormat.keyIdOf(key));
        return ResponseEntity.ok(new Enrolment(request.tillId(), till.canteenId(), policyId, token,
                JournalFormat.encodePublicKey(signer.publicKey()), signer.keyId(),
                JournalFormat.formatTime(now.atZoneSameInstant(ServerBeans.ZONE).toOffsetDateTime())));
    }

    /** No policy applies at the till's canteen: the code is given back (rolled back), the administrator must act. */
    static final class Refused extends RuntimeException {
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(Refused.class)
    ResponseEntity<Object> noPolicy(Refused e) {
        return Problems.answer(ProblemType.CONFLICT, "no subsidy policy applies at this till's canteen: upload one first", Map.of());
    }
}
