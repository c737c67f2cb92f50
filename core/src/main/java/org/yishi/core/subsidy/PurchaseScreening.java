package org.yishi.core.subsidy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.ElderState;
import org.yishi.core.policy.MealSlot;
import org.yishi.core.policy.Policy;
import org.yishi.core.time.ServingWindow;

/**
 * The checks a purchase must pass before any rule is looked at, in a fixed order so the same purchase is
 * always refused for the same reason: policy in force and covering the canteen, elder alive and active, card his and valid at the
 * moment of sale, a known meal slot and a time inside its window, something subsidy-eligible in the basket.
 * A purchase that fails here gets neither a meal subsidy nor any provider subsidy.
 */
final class PurchaseScreening {

    /** The first failed check, or empty when the purchase may be looked at by the rules. */
    Optional<Refusal> screen(QuoteContext ctx) {
        Policy policy = ctx.policy();
        if (!policy.inForceOn(ctx.day())) {
            return refuse(RefusalReason.POLICY_NOT_IN_FORCE, "policy " + policy.id() + " " + policy.version()
                    + " is in force " + policy.effectiveFrom() + ".." + policy.effectiveTo().map(Object::toString).orElse("")
                    + ", not on " + ctx.day());
        }
        if (!policy.appliesAt(ctx.purchase().canteen().district())) {
            return refuse(RefusalReason.CANTEEN_NOT_COVERED, "canteen " + ctx.purchase().canteen().id() + " in district "
                    + ctx.purchase().canteen().district() + " is outside policy " + policy.id() + "'s area " + policy.appliesAt());
        }
        ElderState state = ctx.elder().stateOn(ctx.day());
        if (state == ElderState.DECEASED) {
            return refuse(RefusalReason.ELDER_DECEASED,
                    "died " + ctx.elder().deceasedOn().map(Object::toString).orElse("(day unknown)"));
        }
        if (state != ElderState.ACTIVE) {
            return refuse(RefusalReason.ELDER_NOT_ACTIVE, "elder " + ctx.elder().id() + " is " + state + " on " + ctx.day());
        }
        Optional<Card> card = ctx.purchase().card();
        if (card.isPresent()) {
            Optional<Refusal> cardRefusal = screenCard(ctx, card.get());
            if (cardRefusal.isPresent()) {
                return cardRefusal;
            }
        }
        Optional<String> slotCode = ctx.purchase().mealSlot();
        if (slotCode.isEmpty()) {
            return refuse(RefusalReason.OUTSIDE_MEAL_WINDOW, ctx.timeOfDay() + " is outside every meal window of policy "
                    + policy.id() + " " + MealWindows.describe(policy.mealSlots(), ctx.purchase().canteen()));
        }
        MealSlot slot = findSlot(policy.mealSlots(), slotCode.get());
        if (slot == null) {
            return refuse(RefusalReason.UNKNOWN_MEAL_SLOT, "meal slot \"" + slotCode.get() + "\" is not defined by policy " + policy.id());
        }
        Optional<ServingWindow> window = MealWindows.windowAt(slot, ctx.purchase().canteen());
        if (window.isEmpty()) {
            return refuse(RefusalReason.OUTSIDE_MEAL_WINDOW, "policy " + policy.id() + " names no window for " + slot.code()
                    + " and canteen " + ctx.purchase().canteen().id() + " gives no " + slot.code() + " hours");
        }
        if (!window.get().contains(ctx.timeOfDay())) {
            return refuse(RefusalReason.OUTSIDE_MEAL_WINDOW, ctx.timeOfDay() + " is outside " + slot.code() + " "
                    + window.get() + (slot.window().isPresent() ? "" : " (canteen " + ctx.purchase().canteen().id() + "'s hours)"));
        }
        if (ctx.eligiblePriceFen() == 0) {
            return refuse(RefusalReason.NOTHING_ELIGIBLE, "no subsidy-eligible item with a price");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> screenCard(QuoteContext ctx, Card card) {
        if (!card.elderId().equals(ctx.elder().id())) {
            return refuse(RefusalReason.CARD_MISMATCH, "card ****" + card.last4() + " belongs to elder " + card.elderId()
                    + ", not " + ctx.elder().id());
        }
        // The purchase carries local time; the card's status change is an instant. The policy's zone joins them.
        Instant moment = ctx.purchase().time().atZone(ctx.policy().zone()).toInstant();
        if (card.activeAt(moment)) {
            return Optional.empty();
        }
        RefusalReason reason = switch (card.status()) {
            case LOST -> RefusalReason.CARD_LOST;
            case BLOCKED -> RefusalReason.CARD_BLOCKED;
            default -> RefusalReason.CARD_REVOKED;
        };
        return refuse(reason, "card ****" + card.last4() + " " + card.status() + " since " + card.since());
    }

    private static MealSlot findSlot(List<MealSlot> slots, String code) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).code().equals(code)) {
                return slots.get(i);
            }
        }
        return null;
    }

    private static Optional<Refusal> refuse(RefusalReason reason, String detail) {
        return Optional.of(new Refusal(reason, detail));
    }
}
