package org.yishi.till.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yishi.core.journal.PolicyUpdatePayload;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.RegistryUpdatePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.till.store.ledger.JournalMirror;
import org.yishi.till.store.policy.InstalledPolicy;
import org.yishi.till.store.policy.PolicyStore;
import org.yishi.till.store.registry.RegistryCache;

/**
 * Compares the cache with what the journal says was loaded: the last REGISTRY_UPDATE must be the snapshot the registry
 * cache holds, and every POLICY_UPDATE must be installed with the same text. H2 can lose its last half second or fall
 * back to an older version of its file without an error; for sales the journal replay covers that, for the cache this
 * check does.
 */
final class CacheCheck {

    private CacheCheck() {
    }

    static List<String> registryProblems(JournalMirror mirror, RegistryCache registry) {
        List<SignedRecord> updates = mirror.recordsOf(RecordType.REGISTRY_UPDATE);
        if (updates.isEmpty()) {
            return List.of();
        }
        SignedRecord last = updates.get(updates.size() - 1);
        RegistryUpdatePayload update = (RegistryUpdatePayload) last.typedPayload();
        Optional<String> held = registry.latestSnapshotSha256();
        if (held.isPresent() && held.get().equals(update.contentSha256())) {
            return List.of();
        }
        return List.of("the journal's last registry update (seq " + last.seq() + ", version " + update.registryVersion()
                + ", SHA-256 " + update.contentSha256() + ") is not what the registry cache holds ("
                + held.orElse("no snapshot") + "): import that registry again");
    }

    static List<String> policyProblems(JournalMirror mirror, PolicyStore policies) {
        List<String> problems = new ArrayList<>();
        for (SignedRecord r : mirror.recordsOf(RecordType.POLICY_UPDATE)) {
            PolicyUpdatePayload update = (PolicyUpdatePayload) r.typedPayload();
            Optional<InstalledPolicy> installed = policies.find(update.policyId(), update.policyVersion());
            if (installed.isEmpty() || !installed.get().yamlSha256().equals(update.contentSha256())) {
                problems.add("policy " + update.policyId() + " version " + update.policyVersion() + " (journal seq " + r.seq()
                        + ", SHA-256 " + update.contentSha256() + ") is " + (installed.isEmpty() ? "not installed" : "installed with other text")
                        + ": install that policy file again");
            }
        }
        return problems;
    }
}
