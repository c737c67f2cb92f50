package org.yishi.till.store.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.yishi.core.policy.Policy;
import org.yishi.till.store.TillDatabase;

/**
 * The policy versions a till has installed. A (policy id, version) is immutable: installing the same version again
 * with the same text is a no-op, with different text an error — a changed policy must carry a new version, or a
 * subsidy could no longer be recomputed from the version it names.
 */
public final class PolicyStore {

    private final TillDatabase db;
    private final Clock clock;

    public PolicyStore(TillDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.addMapper(PolicyMapper.class);
    }

    /**
     * Installs a policy version.
     *
     * @param policy   the loaded model (its id, version and effective dates are stored)
     * @param yamlText the exact file text it was loaded from
     * @return the installed version (the existing one if this text was installed before)
     * @throws PolicyConflictException if this id and version are installed with different text
     */
    public InstalledPolicy install(Policy policy, String yamlText) {
        Objects.requireNonNull(yamlText, "yamlText");
        String sha = sha256(yamlText);
        try (SqlSession s = db.sessions().openSession()) {
            PolicyMapper m = s.getMapper(PolicyMapper.class);
            PolicyRow existing = m.find(policy.id(), policy.version());
            if (existing != null) {
                if (!existing.yamlSha256().equals(sha)) {
                    throw new PolicyConflictException("policy " + policy.id() + " version " + policy.version()
                            + " is already installed with different text (SHA-256 " + existing.yamlSha256() + ", new " + sha
                            + "): a changed policy needs a new version label");
                }
                return existing.toInstalled();
            }
            PolicyRow row = new PolicyRow(policy.id(), policy.version(), policy.effectiveFrom(), policy.effectiveTo().orElse(null),
                    yamlText, sha, clock.instant().atOffset(ZoneOffset.UTC));
            m.insert(row);
            s.commit();
            return row.toInstalled();
        }
    }

    public Optional<InstalledPolicy> find(String policyId, String version) {
        try (SqlSession s = db.sessions().openSession()) {
            return Optional.ofNullable(s.getMapper(PolicyMapper.class).find(policyId, version)).map(PolicyRow::toInstalled);
        }
    }

    /** All installed versions of a policy, oldest first. */
    public List<InstalledPolicy> versions(String policyId) {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(PolicyMapper.class).versions(policyId).stream().map(PolicyRow::toInstalled).toList();
        }
    }

    public List<String> policyIds() {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(PolicyMapper.class).policyIds();
        }
    }

    /**
     * The version in force on {@code day}: of those whose effective dates cover it, the one that took effect last
     * (a new version supersedes an open-ended old one from its first day).
     */
    public Optional<InstalledPolicy> inForceOn(String policyId, LocalDate day) {
        return versions(policyId).stream().filter(p -> p.inForceOn(day))
                .max(Comparator.comparing(InstalledPolicy::effectiveFrom).thenComparing(InstalledPolicy::installedAt));
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
