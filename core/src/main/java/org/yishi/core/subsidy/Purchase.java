package org.yishi.core.subsidy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Card;
import org.yishi.core.policy.Channel;

/**
 * What an elder is buying, where and when.
 *
 * @param canteen  where the meal is sold (its district and town decide locality conditions)
 * @param lines    the items
 * @param time     local time in the policy's zone
 * @param channel  dine-in or delivery
 * @param mealSlot the meal-slot code the till sells in (the till derives it from the clock), or empty when the
 *                 purchase falls outside every meal window: the engine then refuses the subsidy
 *                 ({@link RefusalReason#OUTSIDE_MEAL_WINDOW}) and the elder pays the full price
 * @param card     the card presented, if the elder was identified by card
 */
public record Purchase(Canteen canteen, List<PurchaseLine> lines, LocalDateTime time, Channel channel,
        Optional<String> mealSlot, Optional<Card> card) {

    public Purchase {
        Objects.requireNonNull(canteen, "canteen");
        lines = List.copyOf(lines);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(mealSlot, "mealSlot");
        Objects.requireNonNull(card, "card");
    }

    /** Everything the elder is charged before subsidy. */
    public long priceFen() {
        long total = 0;
        for (PurchaseLine l : lines) {
            total = Math.addExact(total, l.totalFen());
        }
        return total;
    }

    /** The part of the price a meal subsidy may cover (items flagged subsidy-eligible). */
    public long eligiblePriceFen() {
        long total = 0;
        for (PurchaseLine l : lines) {
            if (l.subsidyEligible()) {
                total = Math.addExact(total, l.totalFen());
            }
        }
        return total;
    }
}
