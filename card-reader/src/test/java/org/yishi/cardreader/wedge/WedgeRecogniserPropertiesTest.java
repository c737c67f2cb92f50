package org.yishi.cardreader.wedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.cardreader.event.ReaderEventFactory;
import org.yishi.cardreader.uid.UidFormat;

class WedgeRecogniserPropertiesTest {

    private static final long MS = 1_000_000L;
    private final ReaderEventFactory events = new ReaderEventFactory(Clock.systemUTC(), "wedge");

    /** A key as generated: 0 = Enter, 1 = Tab, otherwise the character. */
    record Typed(char c, long gapNanos) {
        Keystroke at(long nanos) {
            return c == 0 ? Keystroke.enter(nanos) : c == 1 ? Keystroke.tab(nanos) : Keystroke.character(c, nanos);
        }
    }

    @Provide
    Arbitrary<WedgeConfig> configs() {
        return Combinators.combine(
                Arbitraries.integers().between(5, 100),
                Arbitraries.integers().between(2, 24),
                Arbitraries.of(WedgeConfig.Terminator.class),
                Arbitraries.of(WedgeConfig.Unterminated.class),
                Arbitraries.of(WedgeConfig.Interpretation.class)
        ).as((gap, min, term, unterminated, how) -> new WedgeConfig(Duration.ofMillis(gap), min, 1024,
                Duration.ofSeconds(10), term, unterminated, how, UidFormat.PCSC));
    }

    @Provide
    Arbitrary<List<Typed>> humanTyping() {
        Arbitrary<Character> keys = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.chars().range(' ', '~')),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((char) 0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((char) 1)),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('一', '龥')));
        Arbitrary<Long> gaps = Arbitraries.longs().between(120 * MS, 2_000 * MS);
        return Combinators.combine(keys, gaps).as(Typed::new).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void typingAtHumanSpeedIsNeverAScanAndEveryKeyReachesTheFieldInOrder(
            @ForAll("configs") WedgeConfig config, @ForAll("humanTyping") List<Typed> typing) {
        WedgeRecogniser r = new WedgeRecogniser(config, events);
        List<WedgeOutcome> out = new ArrayList<>();
        StringBuilder typed = new StringBuilder();
        long now = 1_000 * MS;
        for (Typed t : typing) {
            now += t.gapNanos();
            Keystroke key = t.at(now);
            typed.append(key.character());
            out.addAll(r.accept(key));
        }
        out.addAll(r.tick(now + 1_000 * MS));

        assertThat(out).allMatch(o -> o instanceof WedgeOutcome.PassThrough);
        StringBuilder passed = new StringBuilder();
        out.forEach(o -> passed.append(((WedgeOutcome.PassThrough) o).text()));
        assertThat(passed.toString()).isEqualTo(typed.toString());
        assertThat(r.holding()).isFalse();
    }

    @Property(tries = 300)
    void aWellFormedFastBurstEndingInEnterIsExactlyOneScanWithTheExactText(
            @ForAll @Size(min = 6, max = 300) List<@IntRange(min = 0x21, max = 0x7E) Integer> codes,
            @ForAll @Size(max = 301) List<@IntRange(min = 0, max = 50) Integer> gapsMs,
            @ForAll @IntRange(min = 0, max = 50_000) int gapJitterMicros) {
        StringBuilder text = new StringBuilder();
        codes.forEach(c -> text.append((char) c.intValue()));
        Assume.that(text.chars().distinct().count() > 1); // one repeated character is auto-repeat, by design
        WedgeConfig config = new WedgeConfig(Duration.ofMillis(50), 6, 300, Duration.ofSeconds(20),
                WedgeConfig.Terminator.ENTER, WedgeConfig.Unterminated.PASS_THROUGH, WedgeConfig.Interpretation.QR, UidFormat.PCSC);
        WedgeRecogniser r = new WedgeRecogniser(config, events);
        List<WedgeOutcome> out = new ArrayList<>();
        long now = 5_000 * MS;
        for (int i = 0; i <= text.length(); i++) {
            long gap = i < gapsMs.size() ? gapsMs.get(i) * MS : 2 * MS;
            now += Math.min(50 * MS, gap + gapJitterMicros * 1_000L % MS);
            Keystroke key = i < text.length() ? Keystroke.character(text.charAt(i), now) : Keystroke.enter(now);
            out.addAll(r.accept(key));
        }
        out.addAll(r.tick(now + 1_000 * MS));

        assertThat(out).singleElement().isInstanceOfSatisfying(WedgeOutcome.Scan.class, scan -> {
            assertThat(scan.text()).isEqualTo(text.toString());
            assertThat(((IdentificationEvent.QrScanned) scan.event()).payload()).isEqualTo(text.toString());
        });
    }

    @Provide
    Arbitrary<List<Typed>> anyTiming() {
        Arbitrary<Character> keys = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.chars().range('0', '9')),
                net.jqwik.api.Tuple.of(10, Arbitraries.chars().range(' ', '~')),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((char) 0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((char) 1)));
        Arbitrary<Long> gaps = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 20 * MS)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(20 * MS, 150 * MS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(150 * MS, 5_000 * MS)));
        return Combinators.combine(keys, gaps).as(Typed::new).list().ofMaxSize(400);
    }

    /**
     * Whatever the timing and configuration, no typed character is lost or duplicated: each ends up in exactly
     * one of the field (in input order), a scan, or a counted rejection; and the buffer stays bounded.
     */
    @Property(tries = 400)
    void everyCharacterIsAccountedForExactlyOnceAndTypingKeepsItsOrder(
            @ForAll("configs") WedgeConfig base, @ForAll @IntRange(min = 2, max = 64) int maxLength,
            @ForAll("anyTiming") List<Typed> keys) {
        WedgeConfig config = base.withLengths(Math.min(base.minLength(), maxLength), maxLength);
        WedgeRecogniser r = new WedgeRecogniser(config, events);
        List<WedgeOutcome> out = new ArrayList<>();
        List<Keystroke> input = new ArrayList<>();
        long now = 0;
        for (Typed t : keys) {
            now += t.gapNanos();
            if (t.gapNanos() % 3 == 0) {
                out.addAll(r.tick(now));
            }
            Keystroke key = t.at(now);
            input.add(key);
            out.addAll(r.accept(key));
            assertThat(r.heldCount()).isLessThanOrEqualTo(maxLength);
        }
        out.addAll(r.tick(now + 1_000 * MS));

        long characters = input.stream().filter(k -> k.kind() == Keystroke.Kind.CHARACTER).count();
        long accounted = 0;
        List<Keystroke> passed = new ArrayList<>();
        for (WedgeOutcome o : out) {
            if (o instanceof WedgeOutcome.PassThrough p) {
                passed.addAll(p.keys());
                accounted += p.keys().stream().filter(k -> k.kind() == Keystroke.Kind.CHARACTER).count();
            } else if (o instanceof WedgeOutcome.Scan s) {
                accounted += s.text().length();
            } else if (o instanceof WedgeOutcome.Rejected rej) {
                accounted += rej.length();
            }
        }
        // make the property's reach visible in the report: it must see scans, typing and rejections alike
        net.jqwik.api.statistics.Statistics.label("outcomes").collect(out.stream().map(o -> o.getClass().getSimpleName())
                .distinct().sorted().toList().toString());
        assertThat(accounted).isEqualTo(characters);
        // pass-through keys are the very input keys, in input order
        int from = 0;
        for (Keystroke k : passed) {
            int at = input.subList(from, input.size()).indexOf(k);
            assertThat(at).as("pass-through key %s in input order", k).isNotNegative();
            from += at + 1;
        }
        assertThat(r.holding()).isFalse();
    }
}
