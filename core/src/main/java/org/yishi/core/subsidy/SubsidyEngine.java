package org.yishi.core.subsidy;

import java.util.List;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.Policy;

/**
 * The subsidy policy engine: a pure, deterministic function of (policy version, elder, purchase, the elder's
 * earlier subsidised purchases) to a {@link Quote}. Stateless and thread-safe.
 */
public final class SubsidyEngine {

    public Quote quote(Policy policy, Elder elder, Purchase purchase, List<PriorPurchase> history) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
