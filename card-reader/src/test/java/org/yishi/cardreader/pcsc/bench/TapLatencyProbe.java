package org.yishi.cardreader.pcsc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.yishi.cardreader.event.IdentificationEvent.CardTapped;
import org.yishi.cardreader.event.StatusEvent;
import org.yishi.cardreader.pcsc.Pcscd;
import org.yishi.cardreader.pcsc.PcscSettings;
import org.yishi.cardreader.pcsc.PcscWatcher;
import org.yishi.cardreader.pcsc.SystemPcsc;
import org.yishi.cardreader.pcsc.VirtualCard;

/**
 * Tap-to-UID latency through the real stack (pcscd + vpcd + the virtual card): from the moment vpcd accepts the
 * card to the moment the watcher publishes its {@link CardTapped}, with the watcher's default settings. Not a JMH
 * benchmark because the event comes from another process; both ends read CLOCK_MONOTONIC. Run by
 * {@code scripts/pcsc-latency.sh [TAPS]}; takes over pcscd like the integration test does.
 */
public final class TapLatencyProbe {

    private TapLatencyProbe() {
    }

    public static void main(String[] args) throws Exception {
        int taps = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        BlockingQueue<long[]> published = new ArrayBlockingQueue<>(16);
        BlockingQueue<Object> removed = new ArrayBlockingQueue<>(16);
        Path work = Files.createTempDirectory("yishi-pcsc-latency");
        long[] micros = new long[taps];
        try (Pcscd pcscd = Pcscd.start(work);
             PcscWatcher watcher = new PcscWatcher(new SystemPcsc(), PcscSettings.defaults(), event -> {
                 if (event instanceof CardTapped tap) {
                     published.add(new long[] {System.nanoTime(), Long.parseLong(tap.uid(), 16)});
                 } else if (event instanceof StatusEvent.CardRemoved) {
                     removed.add(event);
                 }
             }, Clock.systemUTC()).start()) {
            Thread.sleep(1000);
            for (int i = 0; i < taps; i++) {
                long uid = 0x04000000L + i;
                VirtualCard card = VirtualCard.insert(Pcscd.PORT_0, String.format("%08X", uid));
                long[] tap = published.poll(10, TimeUnit.SECONDS);
                if (tap == null || tap[1] != uid) {
                    throw new IllegalStateException("tap " + i + " not seen");
                }
                micros[i] = (tap[0] - card.insertedAtNanos()) / 1000;
                card.remove();
                removed.poll(10, TimeUnit.SECONDS);
                // Lift and tap again like a person at the counter, not in step with pcscd's polling.
                Thread.sleep(150 + (i * 37) % 250);
            }
        }
        Arrays.sort(micros);
        System.out.printf("PCSC-TAP-LATENCY taps=%d min=%.1fms median=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n", taps,
                micros[0] / 1000.0, at(micros, 0.50), at(micros, 0.90), at(micros, 0.99), micros[taps - 1] / 1000.0);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1000.0;
    }
}
