package org.yishi.core.policy;

/**
 * Where the elder eats relative to his home: where he is registered (户籍, the HOME_* values, as every policy
 * file before residence existed meant) or where he permanently lives (常住, the RESIDENT_* values). Zengcheng's rule:
 * eating outside the home town loses the town's part, outside the home district also the district's part. An elder
 * whose registry row gives no residence lives where he is registered.
 */
public enum Locality {
    /** No condition. */
    ANYWHERE,
    /** The canteen is in the elder's registered district. */
    HOME_DISTRICT,
    /** The canteen is in the elder's registered town (and so district). */
    HOME_TOWN,
    /** The canteen is in the district the elder lives in (常住). */
    RESIDENT_DISTRICT,
    /** The canteen is in the town the elder lives in (and so its district). */
    RESIDENT_TOWN;

    /** Whether a canteen in {@code canteenDistrict}/{@code canteenTown} is "home" for an elder with that home district and town. */
    public boolean holds(String elderDistrict, String elderTown, String canteenDistrict, String canteenTown) {
        return switch (this) {
            case ANYWHERE -> true;
            case HOME_DISTRICT, RESIDENT_DISTRICT -> elderDistrict.equals(canteenDistrict);
            case HOME_TOWN, RESIDENT_TOWN -> elderDistrict.equals(canteenDistrict) && elderTown.equals(canteenTown);
        };
    }

    /** Whether this compares with the elder's residence rather than his registration. */
    public boolean byResidence() {
        return this == RESIDENT_DISTRICT || this == RESIDENT_TOWN;
    }

    /** Whether this is about the town (and district), not only the district. */
    public boolean town() {
        return this == HOME_TOWN || this == RESIDENT_TOWN;
    }
}
