package org.yishi.till.checkout;

import java.util.List;
import java.util.OptionalInt;

/**
 * What the cashier and the customer display may see of an elder: never the name in full, never an ID number.
 *
 * @param elderId         registry id (for the journal and search, not shown to the queue)
 * @param maskedName      e.g. 张*华
 * @param age             age today
 * @param categories      category codes with grades, e.g. {@code dibao}, {@code disability:2} (the tier badge)
 * @param cardLast4       last 4 of the card used, "" when none
 * @param subsidisedToday subsidised meals already had today (all slots), from the till's own sales
 * @param mealsLeftToday  subsidised meals left today after this one, where the policy limits them
 */
public record ElderView(String elderId, String maskedName, int age, List<String> categories, String cardLast4,
        int subsidisedToday, OptionalInt mealsLeftToday) {

    public ElderView {
        categories = List.copyOf(categories);
        cardLast4 = cardLast4 == null ? "" : cardLast4;
    }
}
