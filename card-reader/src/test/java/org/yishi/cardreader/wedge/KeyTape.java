package org.yishi.cardreader.wedge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A recorded key sequence from {@code src/test/resources/wedge/*.tape}: lines of "offset-ms key", where key is
 * one character, {@code <ENTER>}, {@code <TAB>} or {@code <SPACE>}; {@code #} starts a comment.
 */
record KeyTape(String name, List<Keystroke> keys) {

    /** Where tape time 0 lands on the monotonic clock; non-zero so no code can rely on time starting at 0. */
    static final long ORIGIN_NANOS = 7_000_000_000L;

    static KeyTape load(String name) {
        try (InputStream in = KeyTape.class.getResourceAsStream("/wedge/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no tape " + name);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Keystroke> keys = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected \"offset-ms key\"");
                }
                long at = ORIGIN_NANOS + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(parts[0]));
                keys.add(switch (parts[1]) {
                    case "<ENTER>" -> Keystroke.enter(at);
                    case "<TAB>" -> Keystroke.tab(at);
                    case "<SPACE>" -> Keystroke.character(' ', at);
                    default -> {
                        if (parts[1].length() != 1) {
                            throw new IllegalArgumentException(name + ":" + (i + 1) + ": one key per line, not " + parts[1]);
                        }
                        yield Keystroke.character(parts[1].charAt(0), at);
                    }
                });
            }
            return new KeyTape(name, List.copyOf(keys));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read tape " + name, e);
        }
    }

    /** The typed text (Enter as '\n'). */
    String text() {
        StringBuilder sb = new StringBuilder();
        keys.forEach(k -> sb.append(k.character()));
        return sb.toString();
    }

    long endNanos() {
        return keys.get(keys.size() - 1).atNanos();
    }

    /**
     * Plays the tape the way the till would: every key, plus a tick every 10 ms in between and a last tick well
     * after the end, so bursts that go quiet are flushed as in production.
     */
    List<WedgeOutcome> playInto(WedgeRecogniser recogniser) {
        List<WedgeOutcome> out = new ArrayList<>();
        long tickEvery = TimeUnit.MILLISECONDS.toNanos(10);
        long nextTick = keys.get(0).atNanos() + tickEvery;
        for (Keystroke key : keys) {
            while (nextTick < key.atNanos()) {
                out.addAll(recogniser.tick(nextTick));
                nextTick += tickEvery;
            }
            out.addAll(recogniser.accept(key));
        }
        out.addAll(recogniser.tick(endNanos() + TimeUnit.SECONDS.toNanos(1)));
        return out;
    }
}
