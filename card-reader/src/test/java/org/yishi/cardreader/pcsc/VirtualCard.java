package org.yishi.cardreader.pcsc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One virtual card on a vpcd reader: the project's card script ({@code src/test/resources/pcsc/virtual_card.py})
 * running as a process. Starting it puts the card on the reader; {@link #remove()} ends the process, which
 * takes the card off.
 */
public final class VirtualCard implements AutoCloseable {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Process process;
    private final long insertedAtNanos;

    private VirtualCard(Process process, long insertedAtNanos) {
        this.process = process;
        this.insertedAtNanos = insertedAtNanos;
    }

    /**
     * Puts a card on the reader listening at {@code port} and returns once vpcd has accepted it.
     *
     * @param options extra script options: {@code --unsupported}, {@code --elder-no N}, {@code --vanish-on-get-data}
     */
    public static VirtualCard insert(int port, String uidHex, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script().toString(),
                "--uid", uidHex, "--port", Integer.toString(port)));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("inserted ")) {
                long at = Long.parseLong(line.substring("inserted ".length()).trim());
                drain(out);
                return new VirtualCard(process, at);
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the virtual card did not connect to vpcd on port " + port + ": " + seen);
    }

    private static void drain(BufferedReader out) {
        Thread t = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // The script's log; reading it keeps the pipe from filling.
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }, "virtual-card-output");
        t.setDaemon(true);
        t.start();
    }

    /** The card script as a file python can run: copied out, because in a test-jar it is inside a zip. */
    private static Path script() throws IOException {
        try (InputStream in = Objects.requireNonNull(VirtualCard.class.getResourceAsStream("/pcsc/virtual_card.py"),
                "virtual_card.py on the test classpath")) {
            Path copy = Files.createTempFile("yishi-virtual-card", ".py");
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        }
    }

    /** {@link System#nanoTime()} when vpcd accepted the card (both use CLOCK_MONOTONIC on Linux). */
    public long insertedAtNanos() {
        return insertedAtNanos;
    }

    /** Whether the card script is still running (it ends itself for --vanish-on-get-data). */
    boolean onReader() {
        return process.isAlive();
    }

    public void remove() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        remove();
    }
}
