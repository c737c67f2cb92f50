package org.yishi.config.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.yishi.config.registry.ElderRecord;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.elder.ElderState;
import org.yishi.core.elder.ResidentId;

/**
 * Makes plausible elders: age mix of a Chinese city's 60+ population, categories at roughly the rates
 * civil-affairs statistics show (低保 a few percent, 失能 rising steeply with age), valid resident IDs unique
 * per region and birthday, a few deceased, suspended or withdrawn.
 */
final class ElderFactory {

    /** Age bands (lowest age, highest age, weight per mille). */
    private static final int[][] AGE_BANDS = {
        {60, 64, 250}, {65, 69, 240}, {70, 74, 190}, {75, 79, 130}, {80, 84, 90},
        {85, 89, 60}, {90, 94, 28}, {95, 99, 10}, {100, 105, 2}};

    private final LocalDate asOf;
    private final WeightedChoice<Town> towns;
    private final WeightedChoice<Map.Entry<String, Integer>> surnames;
    private final WeightedChoice<int[]> ageBands;
    private final List<String> maleNames;
    private final List<String> femaleNames;
    /** Sequence numbers already used per (region, birth date): resident IDs must be unique. */
    private final Map<Long, Integer> usedSequences = new HashMap<>();

    ElderFactory(DemoReferenceData data, LocalDate asOf) {
        this.asOf = asOf;
        this.towns = new WeightedChoice<>(data.towns(), Town::weight);
        this.surnames = new WeightedChoice<>(data.surnames(), Map.Entry::getValue);
        this.ageBands = new WeightedChoice<>(List.of(AGE_BANDS), b -> b[2]);
        this.maleNames = data.maleNames();
        this.femaleNames = data.femaleNames();
    }

    ElderRecord create(int index, SplittableRandom random) {
        Town home = towns.pick(random);
        int[] band = ageBands.pick(random);
        int age = band[0] + random.nextInt(band[1] - band[0] + 1);
        LocalDate birth = asOf.minusYears(age).minusDays(1 + random.nextInt(364));
        boolean male = random.nextInt(100) < 46; // women outlive men: fewer men among elders
        ResidentId residentId = ResidentId.of(home.districtCode(), birth, nextSequence(home.districtCode(), birth, male));
        String name = surnames.pick(random).getKey() + givenName(male, random);
        List<CategoryTag> categories = categories(age, random);
        ElderState status = ElderState.ACTIVE;
        LocalDate since = null;
        int roll = random.nextInt(1000);
        if (roll < 4 + (age >= 90 ? 8 : 0)) {
            status = ElderState.DECEASED;
            since = asOf.minusDays(1 + random.nextInt(700));
        } else if (roll < 20) {
            status = ElderState.SUSPENDED;
            since = asOf.minusDays(1 + random.nextInt(120));
        } else if (roll < 23) {
            status = ElderState.WITHDRAWN;
            since = asOf.minusDays(1 + random.nextInt(365));
        }
        String phone = random.nextInt(10) == 0 ? "" : "13" + (100_000_000 + random.nextInt(900_000_000));
        Town lives = residence(index, home);
        return new ElderRecord(String.format("E%08d", index), name, residentId,
                male ? ElderRecord.Gender.MALE : ElderRecord.Gender.FEMALE, birth, categories, home.districtCode(),
                home.townCode(), phone, status, since, lives == home ? "" : lives.districtCode(), lives == home ? "" : lives.townCode());
    }

    /**
     * Where the elder permanently lives (常住): for about 4 % somewhere else than the registration (moved in with a
     * child), written as resident_district / resident_town. Drawn from its own generator, seeded by the elder's index
     * and home, so adding residence did not change any other column of the demo data for a given seed.
     */
    private Town residence(int index, Town home) {
        SplittableRandom r = new SplittableRandom(index * 1_000_003L + Long.parseLong(home.townCode()));
        if (r.nextInt(100) >= 4) {
            return home;
        }
        for (int tries = 0; tries < 20; tries++) {
            Town t = towns.pick(r);
            if (!t.townCode().equals(home.townCode())) {
                return t;
            }
        }
        return home;
    }

    private int nextSequence(String district, LocalDate birth, boolean male) {
        long key = Long.parseLong(district) * 100_000L + birth.toEpochDay();
        // Odd sequence numbers are men, even women: hand them out in order so they never collide.
        int used = usedSequences.merge(key * 2 + (male ? 1 : 0), 1, Integer::sum) - 1;
        int sequence = used * 2 + (male ? 1 : 0);
        if (sequence > 999) {
            throw new IllegalStateException("more than 500 elders of one sex born on " + birth + " in " + district);
        }
        return sequence;
    }

    private String givenName(boolean male, SplittableRandom random) {
        List<String> pool = male ? maleNames : femaleNames;
        return pool.get(random.nextInt(pool.size()));
    }

    private static List<CategoryTag> categories(int age, SplittableRandom random) {
        List<CategoryTag> tags = new ArrayList<>();
        int poverty = random.nextInt(1000);
        if (poverty < 4) {
            tags.add(CategoryTag.of("extreme_poverty"));
        } else if (poverty < 29) {
            tags.add(CategoryTag.of("minimum_living"));
        } else if (poverty < 39) {
            tags.add(CategoryTag.of("near_minimum_living"));
        } else if (poverty < 59) {
            tags.add(CategoryTag.of("low_income"));
        }
        if (random.nextInt(1000) < 8) {
            tags.add(CategoryTag.of("military_welfare"));
        }
        if (random.nextInt(100) < 5) {
            int r = random.nextInt(100);
            tags.add(CategoryTag.of("disabled", r < 15 ? 1 : r < 40 ? 2 : r < 70 ? 3 : 4));
        }
        int incapacityPercent = age >= 90 ? 30 : age >= 80 ? 12 : 3;
        if (random.nextInt(100) < incapacityPercent) {
            int r = random.nextInt(100);
            tags.add(CategoryTag.of("incapacitated", r < 50 ? 1 : r < 80 ? 2 : r < 95 ? 3 : 4));
        }
        int household = random.nextInt(1000);
        if (household < 5) {
            tags.add(CategoryTag.of("no_family"));
        } else if (household < 125) {
            tags.add(CategoryTag.of("living_alone"));
        } else if (household < 375) {
            tags.add(CategoryTag.of("empty_nest"));
        }
        if (random.nextInt(1000) < 3) {
            tags.add(CategoryTag.of("lost_only_child"));
        }
        return tags;
    }
}
