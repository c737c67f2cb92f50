package org.yishi.core.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.ProviderGrant;

/** The JSON shapes of the value objects several payloads share: funder shares and provider grants. */
final class JsonShapes {

    static final Set<String> FUNDER_SHARE_FIELDS = Set.of("funder", "fen");
    static final Set<String> PROVIDER_GRANT_FIELDS = Set.of("ruleId", "role", "funder", "fen");

    private JsonShapes() {
    }

    static List<Object> funderShares(List<FunderShare> shares) {
        List<Object> out = new ArrayList<>(shares.size());
        for (FunderShare s : shares) {
            out.add(Map.of("funder", s.funder(), "fen", s.fen()));
        }
        return out;
    }

    static List<Object> providerGrants(List<ProviderGrant> grants) {
        List<Object> out = new ArrayList<>(grants.size());
        for (ProviderGrant g : grants) {
            out.add(Map.of("ruleId", g.ruleId(), "role", roleCode(g), "funder", g.funder(), "fen", g.fen()));
        }
        return out;
    }

    static String roleCode(ProviderGrant g) {
        return g.role().name().toLowerCase(java.util.Locale.ROOT);
    }
}
