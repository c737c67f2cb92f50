package org.yishi.core.policy;

/**
 * Where the elder eats relative to where he is registered (户籍). Zengcheng's rule: eating outside the
 * home town loses the town's part, outside the home district also the district's part.
 */
public enum Locality {
    /** No condition. */
    ANYWHERE,
    /** The canteen is in the elder's registered district. */
    HOME_DISTRICT,
    /** The canteen is in the elder's registered town (and so district). */
    HOME_TOWN;

    public boolean holds(String elderDistrict, String elderTown, String canteenDistrict, String canteenTown) {
        return switch (this) {
            case ANYWHERE -> true;
            case HOME_DISTRICT -> elderDistrict.equals(canteenDistrict);
            case HOME_TOWN -> elderDistrict.equals(canteenDistrict) && elderTown.equals(canteenTown);
        };
    }
}
