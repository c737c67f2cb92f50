package org.yishi.core.subsidy;

import java.time.LocalDate;
import java.time.LocalTime;
import org.yishi.core.calendar.DayKind;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.Locality;
import org.yishi.core.policy.Policy;

/**
 * The facts of one quote that every step needs, worked out once: the purchase day and time of day (local,
 * in the policy's zone, as the purchase carries them), the elder's age that day, the prices, and where the
 * canteen stands relative to the elder's registration and residence, and what the day is in the policy's
 * working-day calendar.
 */
record QuoteContext(
        Policy policy,
        Elder elder,
        Purchase purchase,
        LocalDate day,
        LocalTime timeOfDay,
        int age,
        long priceFen,
        long eligiblePriceFen,
        boolean inHomeDistrict,
        boolean inHomeTown,
        boolean inResidentDistrict,
        boolean inResidentTown,
        DayKind dayKind) {

    static QuoteContext of(Policy policy, Elder elder, Purchase purchase) {
        LocalDate day = purchase.time().toLocalDate();
        Canteen canteen = purchase.canteen();
        boolean homeDistrict = Locality.HOME_DISTRICT.holds(elder.registeredDistrict(), elder.registeredTown(),
                canteen.district(), canteen.town());
        boolean homeTown = Locality.HOME_TOWN.holds(elder.registeredDistrict(), elder.registeredTown(),
                canteen.district(), canteen.town());
        boolean residentDistrict = Locality.RESIDENT_DISTRICT.holds(elder.residentDistrict(), elder.residentTown(),
                canteen.district(), canteen.town());
        boolean residentTown = Locality.RESIDENT_TOWN.holds(elder.residentDistrict(), elder.residentTown(),
                canteen.district(), canteen.town());
        return new QuoteContext(policy, elder, purchase, day, purchase.time().toLocalTime(), elder.ageOn(day),
                purchase.priceFen(), purchase.eligiblePriceFen(), homeDistrict, homeTown, residentDistrict, residentTown,
                policy.calendar().kindOf(day));
    }

    boolean localityHolds(Locality locality) {
        return switch (locality) {
            case ANYWHERE -> true;
            case HOME_DISTRICT -> inHomeDistrict;
            case HOME_TOWN -> inHomeTown;
            case RESIDENT_DISTRICT -> inResidentDistrict;
            case RESIDENT_TOWN -> inResidentTown;
        };
    }

    /**
     * The slot sold in. Only asked for after {@link PurchaseScreening} passed, which refuses a purchase outside every
     * meal window: reaching here without a slot is a bug in the engine.
     */
    String mealSlot() {
        return purchase.mealSlot().orElseThrow(() -> new IllegalStateException("purchase outside every meal window got past screening"));
    }
}
