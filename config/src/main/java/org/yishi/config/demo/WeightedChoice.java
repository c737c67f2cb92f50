package org.yishi.config.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/** Picks items in proportion to integer weights, in O(log n) per pick. */
final class WeightedChoice<T> {
    private final List<T> items;
    private final int[] cumulative;

    WeightedChoice(List<T> items, ToIntFunction<T> weight) {
        this.items = List.copyOf(items);
        this.cumulative = new int[items.size()];
        int sum = 0;
        for (int i = 0; i < items.size(); i++) {
            int w = weight.applyAsInt(items.get(i));
            if (w <= 0) {
                throw new IllegalArgumentException("weights must be positive: " + items.get(i));
            }
            sum += w;
            cumulative[i] = sum;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("nothing to choose from");
        }
    }

    T pick(SplittableRandom random) {
        int r = random.nextInt(cumulative[cumulative.length - 1]);
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return items.get(lo);
    }
}
