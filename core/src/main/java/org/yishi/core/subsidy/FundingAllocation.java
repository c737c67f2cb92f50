package org.yishi.core.subsidy;

import java.util.List;

/**
 * A rule's subsidy split between its funders.
 *
 * @param keptFen    what the elder gets: the sum of {@code shares}
 * @param droppedFen parts allocated but lost to a failed locality condition
 * @param shares     kept, non-zero parts, one per funder in the order the rule first names them
 */
record FundingAllocation(long keptFen, long droppedFen, List<FunderShare> shares) {
}
