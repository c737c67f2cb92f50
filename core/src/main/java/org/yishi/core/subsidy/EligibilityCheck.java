package org.yishi.core.subsidy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.yishi.core.calendar.DayKind;
import org.yishi.core.policy.CalendarDays;
import org.yishi.core.policy.CategoryCondition;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.Eligibility;
import org.yishi.core.policy.Locality;
import org.yishi.core.policy.SubsidyRule;

/**
 * Decides whether an {@link Eligibility} (of a meal rule or a provider-subsidy rule) holds for a quote, and
 * explains why not. Age is in completed years on the purchase day; {@code registeredIn} entries are prefixes
 * of the elder's registered district code; {@code minPriceFen} is compared with the eligible price.
 */
final class EligibilityCheck {

    /** The conditions of an Eligibility itself; a rule's dates are checked apart (provider rules have none). */
    private static final List<EligibilityCondition> CONDITIONS =
            List.copyOf(EnumSet.range(EligibilityCondition.AGE, EligibilityCondition.MIN_PRICE));

    /** Whether the meal rule is in force on the purchase day and all its conditions hold. */
    boolean eligible(SubsidyRule rule, QuoteContext ctx) {
        return inForce(rule, ctx.day()) && eligible(rule.eligibility(), ctx);
    }

    /** Whether all conditions hold (no effective dates: provider rules have none). */
    boolean eligible(Eligibility e, QuoteContext ctx) {
        for (int i = 0; i < CONDITIONS.size(); i++) {
            if (!holds(CONDITIONS.get(i), e, ctx)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Explains NOT_ELIGIBLE by the nearest rule ({@link NearMiss#closerThan}: most conditions met, then fewest
     * failed, then listed first), naming each condition it failed. Only called on the refusal path, so it may
     * allocate freely.
     */
    String explainNearest(List<SubsidyRule> rules, QuoteContext ctx) {
        if (rules.isEmpty()) {
            return "policy " + ctx.policy().id() + " has no meal rules";
        }
        NearMiss nearest = null;
        for (SubsidyRule rule : rules) {
            NearMiss miss = miss(rule, ctx);
            if (nearest == null || miss.closerThan(nearest)) {
                nearest = miss;
            }
        }
        return nearest.detail();
    }

    private static NearMiss miss(SubsidyRule rule, QuoteContext ctx) {
        int met = 0;
        List<String> failed = new ArrayList<>();
        if (rule.effectiveFrom().isPresent() || rule.effectiveTo().isPresent()) {
            if (inForce(rule, ctx.day())) {
                met++;
            } else {
                failed.add(describe(EligibilityCondition.RULE_IN_FORCE, rule, ctx));
            }
        }
        Eligibility e = rule.eligibility();
        for (EligibilityCondition c : CONDITIONS) {
            if (c == EligibilityCondition.CATEGORIES) {
                for (CategoryCondition part : e.categories().conjuncts()) {
                    if (part.holds(ctx.elder().categories())) {
                        // An exclusion every elder outside it meets says nothing about being close to qualifying.
                        met += part instanceof CategoryCondition.NoneOf ? 0 : 1;
                    } else {
                        failed.add(CategoryMiss.describe(part, ctx.elder().categories()));
                    }
                }
            } else if (sets(c, e)) {
                if (holds(c, e, ctx)) {
                    met++;
                } else {
                    failed.add(describe(c, rule, ctx));
                }
            }
        }
        return new NearMiss(rule, met, failed);
    }

    /** Whether the rule states condition {@code c} at all; an absent condition holds for everyone and proves nothing. */
    private static boolean sets(EligibilityCondition c, Eligibility e) {
        return switch (c) {
            case RULE_IN_FORCE -> throw new IllegalArgumentException("rule dates are not an eligibility condition");
            case AGE -> e.minAge() >= 0 || e.maxAge() >= 0;
            case CATEGORIES -> !e.categories().conjuncts().isEmpty();
            case REGISTERED_IN -> !e.registeredIn().isEmpty();
            case RESIDES_IN -> !e.residesIn().isEmpty();
            case LOCALITY -> e.locality() != Locality.ANYWHERE;
            case CHANNEL -> !e.channels().isEmpty();
            case MEAL_SLOT -> !e.mealSlots().isEmpty();
            case WEEKDAY -> !e.weekdays().isEmpty();
            case CALENDAR_DAYS -> e.days() != CalendarDays.ANY;
            case MIN_PRICE -> e.minPriceFen() > 0;
        };
    }

    static boolean inForce(SubsidyRule rule, LocalDate day) {
        // Written out rather than rule.inForceOn(day): that one allocates two lambdas per call on the hot path.
        if (rule.effectiveFrom().isPresent() && day.isBefore(rule.effectiveFrom().get())) {
            return false;
        }
        return rule.effectiveTo().isEmpty() || !day.isAfter(rule.effectiveTo().get());
    }

    private static boolean holds(EligibilityCondition c, Eligibility e, QuoteContext ctx) {
        return switch (c) {
            case RULE_IN_FORCE -> throw new IllegalArgumentException("rule dates are not an eligibility condition");
            case AGE -> (e.minAge() < 0 || ctx.age() >= e.minAge()) && (e.maxAge() < 0 || ctx.age() <= e.maxAge());
            case CATEGORIES -> e.categories().holds(ctx.elder().categories());
            case REGISTERED_IN -> e.registeredIn().isEmpty() || startsWithAny(ctx.elder().registeredDistrict(), e.registeredIn());
            case RESIDES_IN -> e.residesIn().isEmpty() || startsWithAny(ctx.elder().residentDistrict(), e.residesIn());
            case LOCALITY -> ctx.localityHolds(e.locality());
            case CHANNEL -> e.channels().isEmpty() || e.channels().contains(ctx.purchase().channel());
            case MEAL_SLOT -> e.mealSlots().isEmpty() || e.mealSlots().contains(ctx.mealSlot());
            case WEEKDAY -> e.weekdays().isEmpty() || e.weekdays().contains(ctx.day().getDayOfWeek());
            case CALENDAR_DAYS -> calendarDaysHold(e.days(), ctx.dayKind());
            case MIN_PRICE -> ctx.eligiblePriceFen() >= e.minPriceFen();
        };
    }

    /** A day no loaded calendar year covers is neither a working day nor a rest day: the condition fails (fail closed). */
    static boolean calendarDaysHold(CalendarDays days, DayKind kind) {
        return switch (days) {
            case ANY -> true;
            case WORKING_DAYS -> kind instanceof DayKind.WorkingDay;
            case REST_DAYS -> kind instanceof DayKind.RestDay;
        };
    }

    private static boolean startsWithAny(String district, List<String> prefixes) {
        for (int i = 0; i < prefixes.size(); i++) {
            if (district.startsWith(prefixes.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(EligibilityCondition c, SubsidyRule rule, QuoteContext ctx) {
        Eligibility e = rule.eligibility();
        return switch (c) {
            case RULE_IN_FORCE -> "rule in force " + rule.effectiveFrom().map(Object::toString).orElse("") + ".."
                    + rule.effectiveTo().map(Object::toString).orElse("") + ", not on " + ctx.day();
            case AGE -> "age " + ctx.age() + " not in " + (e.minAge() < 0 ? "" : e.minAge()) + ".." + (e.maxAge() < 0 ? "" : e.maxAge());
            case CATEGORIES -> CategoryMiss.describe(e.categories(), ctx.elder().categories());
            case REGISTERED_IN -> "registered in " + ctx.elder().registeredDistrict() + ", needs " + sorted(e.registeredIn());
            case RESIDES_IN -> "lives in " + ctx.elder().residentDistrict() + ", needs " + sorted(e.residesIn());
            case LOCALITY -> "canteen " + ctx.purchase().canteen().id() + " is outside the elder's "
                    + (e.locality().byResidence() ? "resident " : "home ") + (e.locality().town() ? "town" : "district");
            case CHANNEL -> "channel " + ctx.purchase().channel().code() + " not in " + channelCodes(e.channels());
            case MEAL_SLOT -> "meal slot " + ctx.mealSlot() + " not in " + sorted(e.mealSlots());
            case WEEKDAY -> ctx.day().getDayOfWeek() + " not in " + inOrder(e.weekdays(), DayOfWeek.values());
            case CALENDAR_DAYS -> describeDay(ctx.dayKind()) + ", needs " + (e.days() == CalendarDays.WORKING_DAYS ? "a working day" : "a rest day");
            case MIN_PRICE -> "eligible price " + ctx.eligiblePriceFen() + " fen below minimum " + e.minPriceFen() + " fen";
        };
    }

    static String describeDay(DayKind kind) {
        if (kind instanceof DayKind.WorkingDay) {
            return kind.day() + " is a working day (" + kind.why() + ")";
        }
        if (kind instanceof DayKind.RestDay) {
            return kind.day() + " is a rest day (" + kind.why() + ")";
        }
        return "not known whether " + kind.day() + " is a working day: " + kind.why();
    }

    /** Sets have no stable order between JVM runs; explanations must, so they are sorted. */
    private static String sorted(Collection<?> values) {
        TreeSet<String> names = new TreeSet<>();
        for (Object v : values) {
            names.add(v.toString());
        }
        return names.toString();
    }

    private static String channelCodes(Set<Channel> channels) {
        List<String> codes = new ArrayList<>();
        for (Channel c : Channel.values()) {
            if (channels.contains(c)) {
                codes.add(c.code());
            }
        }
        return codes.toString();
    }

    private static <E extends Enum<E>> String inOrder(Set<E> values, E[] all) {
        List<E> listed = new ArrayList<>();
        for (E v : all) {
            if (values.contains(v)) {
                listed.add(v);
            }
        }
        return listed.toString();
    }
}
