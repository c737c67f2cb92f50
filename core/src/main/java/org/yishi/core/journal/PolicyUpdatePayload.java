package org.yishi.core.journal;

import java.util.Map;
import java.util.Set;

/**
 * POLICY_UPDATE: a subsidy policy version took effect on the till.
 *
 * @param policyId      policy id
 * @param policyVersion its version
 * @param contentSha256 hex SHA-256 of the policy file as loaded, so the server can prove which rules were applied
 */
public record PolicyUpdatePayload(String policyId, String policyVersion, String contentSha256) implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("policyId", "policyVersion", "contentSha256");

    public PolicyUpdatePayload {
        Checks.text("policyId", policyId);
        Checks.text("policyVersion", policyVersion);
        Checks.sha256("contentSha256", contentSha256);
    }

    @Override
    public RecordType type() {
        return RecordType.POLICY_UPDATE;
    }

    @Override
    public Map<String, Object> toPayload() {
        return PayloadFields.payload("policyId", policyId, "policyVersion", policyVersion, "contentSha256", contentSha256);
    }

    static PolicyUpdatePayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS);
        return new PolicyUpdatePayload(f.text("policyId"), f.text("policyVersion"), f.text("contentSha256"));
    }
}
