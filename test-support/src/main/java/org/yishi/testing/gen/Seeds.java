package org.yishi.testing.gen;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The seeds of a {@link PropertyTest}: try {@code i} of method {@code Class#method} gets
 * {@code mix(base + hash("Class#method") + i)} — fixed, different for every property, spread over all of
 * {@code long}. System properties (passed by Maven's {@code -D} to the test JVM):
 * <ul>
 *   <li>{@code yishi.seed=S} — run only seed {@code S}, as printed by a failure (coverage checks are then off);</li>
 *   <li>{@code yishi.seed.base=B} — another base than 0, to look at new cases;</li>
 *   <li>{@code yishi.tries.factor=F} — {@code F} times the tries of every property (at least once).</li>
 * </ul>
 */
public final class Seeds implements ArgumentsProvider {

    public static final String SEED = "yishi.seed";
    public static final String BASE = "yishi.seed.base";
    public static final String FACTOR = "yishi.tries.factor";

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        PropertyTest property = AnnotationSupport.findAnnotation(method, PropertyTest.class)
                .orElseThrow(() -> new IllegalStateException(method + " is not a @PropertyTest"));
        Optional<Long> only = reproducing();
        if (only.isPresent()) {
            return Stream.of(Arguments.of(only.get()));
        }
        String name = context.getRequiredTestClass().getName() + "#" + method.getName();
        return seeds(name, tries(property.tries())).mapToObj(Arguments::of);
    }

    /** The seeds a property named {@code name} ("Class#method") tries, {@code tries} of them. */
    public static LongStream seeds(String name, int tries) {
        long start = Long.getLong(BASE, 0L) + name.hashCode() * 0x9E3779B97F4A7C15L;
        return LongStream.range(0, tries).map(i -> mix(start + i));
    }

    /** The tries count after {@code yishi.tries.factor}. */
    public static int tries(int declared) {
        double factor = Double.parseDouble(System.getProperty(FACTOR, "1"));
        return Math.max(1, (int) Math.round(declared * factor));
    }

    /** The one seed asked for with {@code -Dyishi.seed}, if any. */
    public static Optional<Long> reproducing() {
        String s = System.getProperty(SEED);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(s.strip()));
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
