package org.yishi.till.store.policy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A row of {@code policy_version}. */
record PolicyRow(String policyId, String version, LocalDate effectiveFrom, LocalDate effectiveTo, String yamlText,
        String yamlSha256, OffsetDateTime installedAt) {

    InstalledPolicy toInstalled() {
        return new InstalledPolicy(policyId, version, effectiveFrom, Optional.ofNullable(effectiveTo), yamlText, yamlSha256,
                installedAt.toInstant());
    }
}
