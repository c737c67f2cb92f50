package org.yishi.testing.gen;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A property: a JUnit parameterized test run once per seed, {@link #tries()} seeds in all. The method takes one
 * {@code long seed} and generates its case from it, through {@link Cases#check}, which names seed and case when the
 * property fails:
 *
 * <pre>
 *   &#64;PropertyTest(tries = 500)
 *   void wrapNeverReturnsALineWiderThanAsked(long seed) {
 *       Cases.check(seed, CASES, c -&gt; assertThat(...));
 *   }
 * </pre>
 *
 * The seeds are fixed ({@link Seeds}): every run, on every machine, tries the same cases.
 * {@code -Dyishi.seed=S} runs only seed {@code S} (reproducing a failure); {@code -Dyishi.seed.base=B} tries other
 * seeds than the usual ones; {@code -Dyishi.tries.factor=F} multiplies every tries count (docs/testing.md).
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "seed {0}")
@ArgumentsSource(Seeds.class)
public @interface PropertyTest {

    /** How many seeds (cases) to try. */
    int tries() default 1000;
}
