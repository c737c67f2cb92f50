package org.yishi.testing.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class GenTest {

    private static final Coverage SIZES = new Coverage("list sizes");

    @Test
    void oneSeedIsOneCase() {
        Gen<List<String>> gen = Gen.anyStrings(0, 20).list(0, 5);
        for (long seed = 0; seed < 100; seed++) {
            assertThat(Cases.generate(seed, gen)).isEqualTo(Cases.generate(seed, gen));
        }
    }

    @Test
    void rangesStayInsideAndReachTheirEdges() {
        SplittableRandom r = new SplittableRandom(1);
        Set<Integer> seen = new HashSet<>();
        Gen<Integer> ints = Gen.ints(-3, 7);
        for (int i = 0; i < 2_000; i++) {
            int v = ints.generate(r);
            assertThat(v).isBetween(-3, 7);
            seen.add(v);
        }
        assertThat(seen).hasSize(11);
        Gen<Long> wide = Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE);
        Gen<Long> top = Gen.longs(Long.MAX_VALUE - 2, Long.MAX_VALUE);
        for (int i = 0; i < 2_000; i++) {
            wide.generate(r);
            assertThat(top.generate(r)).isBetween(Long.MAX_VALUE - 2, Long.MAX_VALUE);
        }
        assertThatThrownBy(() -> Gen.ints(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void frequencyFollowsTheWeights() {
        Gen<String> gen = Gen.frequency(Gen.weighted(9, Gen.constant("a")), Gen.weighted(1, Gen.constant("b")));
        SplittableRandom r = new SplittableRandom(2);
        int b = 0;
        for (int i = 0; i < 10_000; i++) {
            b += gen.generate(r).equals("b") ? 1 : 0;
        }
        assertThat(b).isBetween(800, 1_200);
    }

    @Test
    void stringsUseTheirAlphabetAndLengths() {
        SplittableRandom r = new SplittableRandom(3);
        Gen<String> gen = Gen.strings("ab长", 2, 4);
        for (int i = 0; i < 1_000; i++) {
            assertThat(gen.generate(r)).hasSizeBetween(2, 4).matches("[ab长]*");
        }
        boolean surrogate = false;
        for (int i = 0; i < 1_000; i++) {
            surrogate |= Gen.anyStrings(10, 10).generate(r).chars().anyMatch(c -> Character.isSurrogate((char) c));
        }
        assertThat(surrogate).as("any char includes lone surrogates").isTrue();
    }

    @Test
    void aFailureNamesSeedAndCase() {
        assertThatThrownBy(() -> Cases.check(42, Gen.constant("x\u0001y"), s -> assertThat(s).isEmpty()))
                .isInstanceOf(Cases.PropertyFailure.class)
                .hasMessageContaining("seed 42").hasMessageContaining("-Dyishi.seed=42")
                .hasMessageContaining("case: x\\u0001y");
    }

    @Test
    void filterKeepsOnlyWhatHolds() {
        Gen<Integer> even = Gen.ints(0, 100).filter(i -> i % 2 == 0);
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 500; i++) {
            assertThat(even.generate(r) % 2).isZero();
        }
        assertThatThrownBy(() -> Gen.ints(0, 1).filter(i -> i > 5).generate(r)).isInstanceOf(IllegalStateException.class);
    }

    @PropertyTest(tries = 200)
    void seedsAreDistinctPerTry(long seed) {
        List<Integer> sizes = Cases.check(seed, Gen.ints(0, 9).list(0, 3), l -> assertThat(l).hasSizeLessThanOrEqualTo(3));
        SIZES.tried();
        SIZES.count("size " + sizes.size());
    }

    @Test
    void seedsDifferBetweenProperties() {
        assertThat(Seeds.seeds("A#a", 50).boxed().toList()).doesNotContainAnyElementsOf(Seeds.seeds("A#b", 50).boxed().toList());
        assertThat(Seeds.seeds("A#a", 1000).distinct().count()).isEqualTo(1000);
    }

    @AfterAll
    static void everySizeWasGenerated() {
        SIZES.assertEachAtLeast(20, "size 0", "size 1", "size 2", "size 3");
    }
}
