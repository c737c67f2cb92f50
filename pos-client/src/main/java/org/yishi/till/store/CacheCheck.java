package org.yishi.till.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import org.yishi.core.journal.CalendarDigest;
import org.yishi.core.journal.PolicyUpdatePayload;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.RegistryUpdatePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.till.store.ledger.JournalMirror;
import org.yishi.till.store.policy.CalendarStore;
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

    static List<String> policyProblems(JournalMirror mirror, PolicyStore policies, CalendarStore calendars) {
        List<String> problems = new ArrayList<>();
        // The text of each calendar year the journal last said the till counts by: a later install may replace a year.
        Map<String, CalendarDigest> lastNamed = new TreeMap<>();
        Map<String, Long> namedAt = new TreeMap<>();
        for (SignedRecord r : mirror.recordsOf(RecordType.POLICY_UPDATE)) {
            PolicyUpdatePayload update = (PolicyUpdatePayload) r.typedPayload();
            for (CalendarDigest d : update.calendars()) {
                lastNamed.put(d.calendar() + "-" + d.year(), d);
                namedAt.put(d.calendar() + "-" + d.year(), r.seq());
            }
            Optional<InstalledPolicy> installed = policies.find(update.policyId(), update.policyVersion());
            if (installed.isEmpty() || !installed.get().yamlSha256().equals(update.contentSha256())) {
                problems.add("policy " + update.policyId() + " version " + update.policyVersion() + " (journal seq " + r.seq()
                        + ", SHA-256 " + update.contentSha256() + ") is " + (installed.isEmpty() ? "not installed" : "installed with other text")
                        + ": install that policy file again");
            }
        }
        Map<String, String> installed = new TreeMap<>();
        for (CalendarDigest d : calendars.digests()) {
            installed.put(d.calendar() + "-" + d.year(), d.contentSha256());
        }
        lastNamed.forEach((name, d) -> {
            String held = installed.get(name);
            if (!d.contentSha256().equals(held)) {
                problems.add("working-day calendar " + name + " (journal seq " + namedAt.get(name) + ", SHA-256 " + d.contentSha256()
                        + ") is " + (held == null ? "not installed" : "installed with other text") + ": install the policy again with calendars/"
                        + name + ".yaml");
            }
        });
        return problems;
    }
}
