package org.yishi.server.policy;

import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.server.common.AuditLog;
import org.yishi.server.problem.Problems;
import org.yishi.sync.protocol.ProblemType;

/** {@code POST /api/v1/policies} (YAML body) and {@code POST /api/v1/calendars?name=cn-2027.yaml} (YAML body). */
@RestController
public class PolicyController {

    private final PolicyLibrary library;
    private final AuditLog audit;

    public PolicyController(PolicyLibrary library, AuditLog audit) {
        this.library = library;
        this.audit = audit;
    }

    @PostMapping(path = "/api/v1/policies", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    public ResponseEntity<Object> upload(@RequestBody String yaml, Principal who) {
        PolicyLibrary.Upload outcome = library.uploadPolicy(yaml);
        if (outcome instanceof PolicyLibrary.Upload.Stored s) {
            audit.record(who.getName(), "policy_upload", s.policyId() + " " + s.version(), "change " + s.change());
            return ResponseEntity.ok(Map.of("policyId", s.policyId(), "version", s.version(), "change", s.change()));
        }
        return Problems.answer(ProblemType.INVALID, "the policy does not load",
                Map.of("problems", ((PolicyLibrary.Upload.Refused) outcome).problems()));
    }

    @PostMapping(path = "/api/v1/calendars", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    public ResponseEntity<Object> uploadCalendar(@RequestParam("name") String name, @RequestBody String yaml, Principal who) {
        PolicyLibrary.Upload outcome = library.uploadCalendar(name, yaml);
        if (outcome instanceof PolicyLibrary.Upload.Stored s) {
            audit.record(who.getName(), "calendar_upload", name, "change " + s.change());
            return ResponseEntity.ok(Map.of("calendar", s.policyId(), "year", s.version(), "change", s.change()));
        }
        return Problems.answer(ProblemType.INVALID, "the calendar does not load",
                Map.of("problems", ((PolicyLibrary.Upload.Refused) outcome).problems()));
    }
}
