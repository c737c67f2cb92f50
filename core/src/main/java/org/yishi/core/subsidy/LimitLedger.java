package org.yishi.core.subsidy;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.yishi.core.calendar.DayKind;
import org.yishi.core.calendar.WorkCalendar;
import org.yishi.core.policy.CalendarDays;
import org.yishi.core.policy.Limit;
import org.yishi.core.policy.LimitWindow;
import org.yishi.core.policy.SubsidyRule;

/**
 * What the policy's limits still allow for one purchase, counted over the elder's history. Built per quote
 * and then updated as stacking groups grant subsidy; never shared between quotes.
 *
 * <p>Counting: a prior purchase counts for a limit when it lies in the limit's window around this purchase,
 * was sold in one of the limit's meal slots (any when empty) and was subsidised by one of the limit's rules
 * (by any meal rule when empty). It counts as one meal and with its whole {@code subsidyFen}: history does
 * not record how a stacked purchase's subsidy split between its rules, so the whole purchase is charged to
 * every limit it counts for. History after the purchase time but inside the window counts too; the caller
 * decides which purchases to pass.
 *
 * <p>Restricting: a limit restricts a rule when the purchase's slot is one of the limit's slots and the rule
 * is one of its rules (or the sets are empty). A used-up meal count makes such a rule grant nothing; an
 * amount limit holds the purchase's total subsidy (earlier stacking groups included) to what is left. Once a
 * rule a limit restricts has granted subsidy on this purchase, the purchase counts for that limit with its
 * whole subsidy, so later stacking groups are held to the same amount even if the limit does not name their
 * rules: without that, the next quote's history would already be over the limit.
 *
 * <p>Days: a limit with {@code weekdays} or {@code days: working_days} counts only prior purchases on such days and
 * restricts only purchases on such days ("22 working-day lunches a month"). A day no loaded calendar year covers
 * counts and is restricted: a missing calendar never lets more subsidy through.
 */
final class LimitLedger {

    private final List<Limit> limits;
    private final boolean[] coversSlot;
    private final WindowSpan[] spans;
    private final int[] usedMeals;
    private final long[] usedFen;
    /** The limits this purchase already counts for, because a rule they restrict granted subsidy. */
    private final boolean[] counting;

    private LimitLedger(List<Limit> limits, boolean[] coversSlot, WindowSpan[] spans, int[] usedMeals, long[] usedFen) {
        this.limits = limits;
        this.coversSlot = coversSlot;
        this.spans = spans;
        this.usedMeals = usedMeals;
        this.usedFen = usedFen;
        this.counting = new boolean[limits.size()];
    }

    static LimitLedger open(QuoteContext ctx, List<PriorPurchase> history) {
        List<Limit> limits = ctx.policy().limits();
        int n = limits.size();
        boolean[] covers = new boolean[n];
        WindowSpan[] spans = new WindowSpan[n];
        int[] meals = new int[n];
        long[] fen = new long[n];
        for (int i = 0; i < n; i++) {
            Limit limit = limits.get(i);
            covers[i] = (limit.mealSlots().isEmpty() || limit.mealSlots().contains(ctx.mealSlot()))
                    && onItsDays(limit, ctx.day(), ctx.dayKind());
            // A limit that cannot restrict this purchase needs no counting.
            if (covers[i]) {
                spans[i] = WindowSpan.containing(limit.window(), ctx.day(), ctx.mealSlot());
            }
        }
        for (int h = 0; h < history.size(); h++) {
            PriorPurchase prior = history.get(h);
            for (int i = 0; i < n; i++) {
                if (covers[i] && counts(limits.get(i), spans[i], prior, ctx.policy().calendar())) {
                    meals[i]++;
                    fen[i] = Math.addExact(fen[i], prior.subsidyFen());
                }
            }
        }
        return new LimitLedger(limits, covers, spans, meals, fen);
    }

    private static boolean counts(Limit limit, WindowSpan span, PriorPurchase prior, WorkCalendar calendar) {
        if (!span.contains(prior.time(), prior.mealSlot())) {
            return false;
        }
        if (!limit.mealSlots().isEmpty() && !limit.mealSlots().contains(prior.mealSlot())) {
            return false;
        }
        if (limit.days() != CalendarDays.ANY || !limit.weekdays().isEmpty()) {
            LocalDate day = prior.time().toLocalDate();
            if (!onItsDays(limit, day, calendar.kindOf(day))) {
                return false;
            }
        }
        return subsidisedByAny(prior.ruleIds(), limit.rules());
    }

    /** Whether {@code day} is one the limit is about; a day of unknown kind is (fail closed). */
    private static boolean onItsDays(Limit limit, LocalDate day, DayKind kind) {
        if (!limit.weekdays().isEmpty() && !limit.weekdays().contains(day.getDayOfWeek())) {
            return false;
        }
        return kind instanceof DayKind.Unknown || EligibilityCheck.calendarDaysHold(limit.days(), kind);
    }

    private static boolean subsidisedByAny(Set<String> priorRules, Set<String> limitRules) {
        if (priorRules.isEmpty()) {
            return false;
        }
        if (limitRules.isEmpty()) {
            return true;
        }
        for (String id : priorRules) {
            if (limitRules.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private boolean restricts(int i, SubsidyRule rule) {
        return coversSlot[i] && (limits.get(i).rules().isEmpty() || limits.get(i).rules().contains(rule.id()));
    }

    /** The most {@code rule} may still grant, given {@code grantedFen} already granted on this purchase by earlier groups. */
    long allowance(SubsidyRule rule, long grantedFen) {
        long allowed = Long.MAX_VALUE;
        for (int i = 0; i < limits.size(); i++) {
            if (restricts(i, rule) || counting[i]) {
                allowed = Math.min(allowed, allowanceOf(i, grantedFen));
            }
        }
        return allowed;
    }

    private long allowanceOf(int i, long grantedFen) {
        Limit limit = limits.get(i);
        if (limit.maxMeals() >= 0 && usedMeals[i] >= limit.maxMeals()) {
            return 0;
        }
        if (limit.maxSubsidyFen() >= 0) {
            return Math.max(0, limit.maxSubsidyFen() - usedFen[i] - grantedFen);
        }
        return Long.MAX_VALUE;
    }

    /** Records that {@code rule} granted subsidy on this purchase: every limit restricting it now counts the purchase. */
    void granted(SubsidyRule rule) {
        for (int i = 0; i < limits.size(); i++) {
            if (restricts(i, rule)) {
                counting[i] = true;
            }
        }
    }

    /**
     * Why {@code rule} can grant nothing on a purchase that has no subsidy yet: the first limit (policy order)
     * that leaves it nothing, as "limit ID (WINDOW ...): used ... of ...", or null when no limit does.
     */
    String exhaustedLimit(SubsidyRule rule) {
        for (int i = 0; i < limits.size(); i++) {
            if (restricts(i, rule) && allowanceOf(i, 0) == 0) {
                Limit limit = limits.get(i);
                boolean meals = limit.maxMeals() >= 0 && usedMeals[i] >= limit.maxMeals();
                return "limit " + limit.id() + " (" + spans[i].label() + "): "
                        + (meals ? usedMeals[i] + " of " + limit.maxMeals() + " subsidised meals used"
                                 : usedFen[i] + " of " + limit.maxSubsidyFen() + " fen subsidy used");
            }
        }
        return null;
    }

    /**
     * Subsidised meals left today after this purchase: the smallest remaining meal count over the DAY and
     * MEAL_SLOT limits that cover this slot and restrict an eligible rule (or count this purchase); empty when
     * no such limit exists. For a MEAL_SLOT limit that is what is left in this slot today.
     */
    OptionalInt mealsLeftToday(List<SubsidyRule> rules, boolean[] eligible) {
        int least = Integer.MAX_VALUE;
        for (int i = 0; i < limits.size(); i++) {
            Limit limit = limits.get(i);
            boolean daily = limit.window() == LimitWindow.DAY || limit.window() == LimitWindow.MEAL_SLOT;
            if (!daily || limit.maxMeals() < 0 || !(counting[i] || restrictsAny(i, rules, eligible))) {
                continue;
            }
            int left = limit.maxMeals() - usedMeals[i] - (counting[i] ? 1 : 0);
            least = Math.min(least, Math.max(0, left));
        }
        return least == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(least);
    }

    private boolean restrictsAny(int i, List<SubsidyRule> rules, boolean[] eligible) {
        for (int r = 0; r < rules.size(); r++) {
            if (eligible[r] && restricts(i, rules.get(r))) {
                return true;
            }
        }
        return false;
    }
}
