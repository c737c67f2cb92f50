package org.yishi.core.subsidy;

import java.util.ArrayList;
import java.util.List;
import org.yishi.core.policy.Funder;

/** Sums the applied rules' shares per funder, in the policy's funder order, leaving out funders with nothing. */
final class FunderTotals {

    List<FunderShare> total(List<Funder> funders, List<AppliedRule> applied) {
        List<FunderShare> totals = new ArrayList<>(funders.size());
        for (int f = 0; f < funders.size(); f++) {
            String code = funders.get(f).code();
            long fen = 0;
            for (int r = 0; r < applied.size(); r++) {
                List<FunderShare> shares = applied.get(r).shares();
                for (int s = 0; s < shares.size(); s++) {
                    if (shares.get(s).funder().equals(code)) {
                        fen += shares.get(s).fen();
                    }
                }
            }
            if (fen != 0) {
                totals.add(new FunderShare(code, fen));
            }
        }
        return totals;
    }
}
