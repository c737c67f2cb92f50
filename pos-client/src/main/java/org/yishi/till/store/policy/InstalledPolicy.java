package org.yishi.till.store.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy version as installed on the till: the exact YAML text that the engine was given, and its SHA-256, so any
 * subsidy can be recomputed from precisely the text that produced it.
 *
 * @param policyId      policy id
 * @param version       version label
 * @param effectiveFrom first day in force
 * @param effectiveTo   last day in force, if known
 * @param yamlText      the policy file as installed
 * @param yamlSha256    lower-case hex SHA-256 of the UTF-8 bytes of {@code yamlText}
 * @param installedAt   when this till installed it
 */
public record InstalledPolicy(String policyId, String version, LocalDate effectiveFrom, Optional<LocalDate> effectiveTo,
        String yamlText, String yamlSha256, Instant installedAt) {
    public InstalledPolicy {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(effectiveTo, "effectiveTo");
        Objects.requireNonNull(yamlText, "yamlText");
        Objects.requireNonNull(yamlSha256, "yamlSha256");
        Objects.requireNonNull(installedAt, "installedAt");
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && effectiveTo.map(t -> !day.isAfter(t)).orElse(true);
    }
}
