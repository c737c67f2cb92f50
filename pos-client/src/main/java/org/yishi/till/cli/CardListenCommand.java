package org.yishi.till.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.cardreader.event.ReaderEvent;
import org.yishi.cardreader.event.ReaderEventFactory;
import org.yishi.cardreader.event.ReaderEventHub;
import org.yishi.cardreader.event.StatusEvent;
import org.yishi.cardreader.pcsc.ElderFileSpec;
import org.yishi.cardreader.pcsc.PcscSettings;
import org.yishi.cardreader.pcsc.PcscWatcher;
import org.yishi.cardreader.pcsc.SystemPcsc;
import org.yishi.cardreader.uid.UidFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi card listen}: what an installer runs at a counter to check a reader. Prints one line per card tap,
 * QR scan and reader status event, from every PC/SC reader (and, with {@code --stdin}, from a keyboard-wedge
 * reader or scanner typing into this terminal). Exit status 0 when {@code --count} identifications were heard,
 * 1 when {@code --timeout} came first, 2 for wrong usage.
 */
@Command(name = "listen", description = "Print one line per card tap, QR scan or reader status event, to check a reader at the counter. "
        + "Exit 0 when --count identifications were heard, 1 if --timeout came first, 2 usage.")
final class CardListenCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    @ParentCommand
    private CardCommand card;

    @Option(names = "--count", description = "Stop after this many identifications (taps and scans).")
    private Integer count;

    @Option(names = "--timeout", description = "Stop after this many seconds.")
    private Integer timeoutSeconds;

    @Option(names = "--reader", description = "Only PC/SC readers whose name contains this text.")
    private String readerFilter;

    @Option(names = "--debounce", defaultValue = "800", description = "Milliseconds in which the same card back on the reader is the same tap. Default: ${DEFAULT-VALUE}.")
    private long debounceMillis;

    @Option(names = "--reversed", description = "The reader reports UID bytes least significant first.")
    private boolean reversed;

    @Option(names = "--elder-file", paramLabel = "AID", description = "Also read the elder number from this card application (hex AID; the Yishi one is "
            + ElderFileSpec.YISHI_AID + ").")
    private String elderFileAid;

    @Option(names = "--stdin", description = "Also treat each line typed on standard input (a keyboard-wedge reader or QR scanner) as a scan.")
    private boolean stdin;

    @Option(names = "--zone", defaultValue = "Asia/Shanghai", description = "Time zone of the printed times. Default: ${DEFAULT-VALUE}.")
    private ZoneId zone;

    @Override
    public Integer call() throws InterruptedException {
        CliMessages m = card.root.messages();
        PcscSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            card.root.err().println(m.get("card.listen.usage", e.getMessage()));
            return 2;
        }
        Clock clock = Clock.system(zone);
        BlockingQueue<ReaderEvent> heard = new LinkedBlockingQueue<>();
        ReaderEventHub hub = new ReaderEventHub();
        hub.subscribe(heard::add);
        long deadline = timeoutSeconds == null ? Long.MAX_VALUE
                : System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        card.root.out().println(m.get("card.listen.start"));
        try (PcscWatcher watcher = new PcscWatcher(new SystemPcsc(), settings, hub, clock).start()) {
            if (stdin) {
                startStdinScanner(System.in, new ReaderEventFactory(clock, "stdin"), hub);
            }
            int identifications = 0;
            while (count == null || identifications < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    card.root.out().println(m.get("card.listen.timeout", timeoutSeconds, identifications));
                    return 1;
                }
                ReaderEvent event = heard.poll(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                if (event != null) {
                    card.root.out().println(line(m, event));
                    if (event instanceof IdentificationEvent) {
                        identifications++;
                    }
                }
            }
            return 0;
        }
    }

    private PcscSettings settings() {
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, not " + count);
        }
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second, not " + timeoutSeconds);
        }
        PcscSettings s = PcscSettings.defaults().withDebounce(Duration.ofMillis(debounceMillis)).withUidReversed(reversed);
        if (readerFilter != null) {
            s = s.withReaderFilter(readerFilter);
        }
        if (elderFileAid != null) {
            s = s.withElderFile(ElderFileSpec.ofHex(elderFileAid, 32));
        }
        return s;
    }

    /** A wedge reader in a terminal arrives line by line: a UID-shaped line is a tap, anything else a scan. */
    private static void startStdinScanner(InputStream in, ReaderEventFactory events, ReaderEventHub hub) {
        Thread t = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    String text = line.strip();
                    if (!text.isEmpty()) {
                        hub.publish(asIdentification(events, text));
                    }
                }
            } catch (IOException e) {
                hub.publish(events.error("standard input: " + e.getMessage()));
            }
        }, "yishi-listen-stdin");
        t.setDaemon(true);
        t.start();
    }

    private static IdentificationEvent asIdentification(ReaderEventFactory events, String text) {
        try {
            return events.cardTapped(UidFormat.PCSC.canonical(text));
        } catch (IllegalArgumentException notAUid) {
            return events.qrScanned(text);
        }
    }

    private String line(CliMessages m, ReaderEvent event) {
        String what;
        if (event instanceof IdentificationEvent.CardTapped tap) {
            what = m.get("card.listen.tap", tap.uid())
                    + (tap.cardElderNo() == null ? "" : " " + m.get("card.listen.elderno", tap.cardElderNo()));
        } else if (event instanceof IdentificationEvent.QrScanned qr) {
            // A token is a credential: show what kind of text it is, never the whole of it.
            String head = qr.payload().length() > 5 ? qr.payload().substring(0, 5) + "…" : qr.payload();
            what = m.get("card.listen.qr", head, qr.payload().length());
        } else if (event instanceof IdentificationEvent.ManualIdentification manual) {
            what = m.get("card.listen.manual", manual.elderId());
        } else if (event instanceof StatusEvent.ReaderConnected) {
            what = m.get("card.listen.connected");
        } else if (event instanceof StatusEvent.ReaderDisconnected) {
            what = m.get("card.listen.disconnected");
        } else if (event instanceof StatusEvent.ReaderListChanged list) {
            what = m.get("card.listen.readers", list.readers().size(), String.join(", ", list.readers()));
        } else if (event instanceof StatusEvent.NoReader) {
            what = m.get("card.listen.noreader");
        } else if (event instanceof StatusEvent.CardRemoved removed) {
            what = m.get("card.listen.removed", removed.uid().isEmpty() ? "?" : removed.uid());
        } else if (event instanceof StatusEvent.UnsupportedCard unsupported) {
            what = m.get("card.listen.unsupported", unsupported.detail());
        } else if (event instanceof StatusEvent.ServiceUnavailable down) {
            what = m.get("card.listen.service", down.detail());
        } else if (event instanceof StatusEvent.ReaderError error) {
            what = m.get("card.listen.error", error.message());
        } else {
            what = event.toString();
        }
        return TIME.format(event.at().atZone(zone)) + "  " + event.source() + "  " + what;
    }
}
