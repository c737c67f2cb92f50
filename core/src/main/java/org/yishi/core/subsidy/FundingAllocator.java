package org.yishi.core.subsidy;

import java.util.ArrayList;
import java.util.List;
import org.yishi.core.policy.FundingPart;

/**
 * Splits a rule's subsidy between funders as {@link FundingPart} describes. FIXED and PERCENT parts are
 * allocated in the order listed, each from what the earlier ones left: FIXED up to its amount, PERCENT the
 * floor of its basis points of the whole rule subsidy (so a percentage never depends on its position unless
 * the subsidy is exhausted). The REST part, wherever it is listed, then takes what they left.
 *
 * <p>Parts whose {@code onlyIf} locality fails are allocated like the others and then dropped: the elder
 * loses them and no other funder's part grows. A subsidy the parts cannot cover (no REST part and fixed or
 * percentage parts short of it) is not granted either: nobody has agreed to pay it.
 */
final class FundingAllocator {

    FundingAllocation allocate(List<FundingPart> parts, long subsidyFen, QuoteContext ctx) {
        int n = parts.size();
        long[] allocated = new long[n];
        long left = subsidyFen;
        int restIndex = -1;
        for (int i = 0; i < n; i++) {
            FundingPart part = parts.get(i);
            long take = switch (part.kind()) {
                case FIXED -> Math.min(part.fixedFen(), left);
                case PERCENT -> Math.min(Math.multiplyExact(subsidyFen, (long) part.basisPoints()) / 10_000L, left);
                case REST -> 0;
            };
            if (part.kind() == FundingPart.Kind.REST) {
                restIndex = i;
            }
            allocated[i] = take;
            left -= take;
        }
        if (restIndex >= 0) {
            allocated[restIndex] = left;
        }
        return keepOrDrop(parts, allocated, ctx);
    }

    private static FundingAllocation keepOrDrop(List<FundingPart> parts, long[] allocated, QuoteContext ctx) {
        long kept = 0;
        long dropped = 0;
        List<FunderShare> shares = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            if (allocated[i] == 0) {
                continue;
            }
            FundingPart part = parts.get(i);
            if (!ctx.localityHolds(part.onlyIf())) {
                dropped += allocated[i];
                continue;
            }
            kept += allocated[i];
            addTo(shares, part.funder(), allocated[i]);
        }
        return new FundingAllocation(kept, dropped, shares);
    }

    /** A rule may name one funder in two parts (a base and a conditional top-up); the elder's bill shows one share. */
    private static void addTo(List<FunderShare> shares, String funder, long fen) {
        for (int i = 0; i < shares.size(); i++) {
            if (shares.get(i).funder().equals(funder)) {
                shares.set(i, new FunderShare(funder, shares.get(i).fen() + fen));
                return;
            }
        }
        shares.add(new FunderShare(funder, fen));
    }
}
