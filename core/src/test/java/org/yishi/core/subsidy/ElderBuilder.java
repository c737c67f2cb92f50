package org.yishi.core.subsidy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.elder.Elder;
import org.yishi.core.elder.ElderState;
import org.yishi.core.elder.StatusChange;
import org.yishi.core.policy.PolicyFixtures;

/**
 * Builds an {@link Elder} for tests: {@code elder("E1").agedOn(80, MONDAY).registered(ZENGCHENG, ZENGCHENG_XINTANG)}.
 * Defaults: 75 on {@link QuoteFixtures#MONDAY}, registered in Zengcheng / Licheng, no categories, active.
 */
public final class ElderBuilder {

    private final String id;
    private String name = "张小华";
    private LocalDate birthDate = QuoteFixtures.MONDAY.minusYears(75).minusDays(100);
    private final List<CategoryTag> categories = new ArrayList<>();
    private String district = PolicyFixtures.ZENGCHENG;
    private String town = PolicyFixtures.ZENGCHENG_LICHENG;
    private final List<StatusChange> history = new ArrayList<>();

    private ElderBuilder(String id) {
        this.id = id;
    }

    public static ElderBuilder elder(String id) {
        return new ElderBuilder(id);
    }

    public ElderBuilder name(String name) {
        this.name = name;
        return this;
    }

    public ElderBuilder born(String day) {
        this.birthDate = LocalDate.parse(day);
        return this;
    }

    /** Born so that he is {@code age} in completed years on {@code day}, and not on his birthday. */
    public ElderBuilder agedOn(int age, LocalDate day) {
        this.birthDate = day.minusYears(age).minusDays(100);
        return this;
    }

    /** Categories as the registry writes them: {@code minimum_living}, {@code disabled:2}. */
    public ElderBuilder categories(String... tags) {
        for (String t : tags) {
            categories.add(CategoryTag.parse(t));
        }
        return this;
    }

    public ElderBuilder registered(String district, String town) {
        this.district = district;
        this.town = town;
        return this;
    }

    public ElderBuilder status(ElderState state, String fromDay) {
        history.add(new StatusChange(state, LocalDate.parse(fromDay)));
        return this;
    }

    public Elder build() {
        return new Elder(id, name, birthDate, categories, district, town, history, "1234", "5678");
    }
}
