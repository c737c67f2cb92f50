package org.yishi.e2e.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settlement server as a separate JVM ({@code org.yishi.server.SyncServerApplication} on this test's class path),
 * as {@code ./yishi server} runs it: its own data directory, a random port, the administrator's password from
 * {@code YISHI_ADMIN_PASSWORD}. {@link #kill()} is SIGKILL — no shutdown hook, no flush — and {@link #start()} starts
 * it again on the same data and port. Everything it prints goes to {@link #log()}, which the secrets test scans.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Yishi server listening on (http://\\S+)");
    public static final String ADMIN_PASSWORD = "e2e-admin-" + Long.toHexString(Double.doubleToLongBits(Math.random()));

    /**
     * The server JVM's options: the tests' (small heap, C1 only — they start many servers and each runs briefly), or a
     * benchmark's, set with {@code -Dyishi.e2e.server.jvm="-Xmx2g"} (full JIT: C1-only code verifies signatures
     * several times slower).
     */
    public static final String JVM_OPTIONS = "yishi.e2e.server.jvm";
    private static final String TEST_JVM_OPTIONS = "-Xmx512m -XX:TieredStopAtLevel=1";

    private final Path dataDir;
    private final Map<String, String> env;
    private final Path log;
    private Process process;
    private URI baseUri;
    private int port;

    /**
     * @param dataDir the server's data directory
     * @param env     extra environment (the database: {@code YISHI_DB_URL}, …)
     */
    public ServerProcess(Path dataDir, Map<String, String> env) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.env = Map.copyOf(env);
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".out.log");
    }

    /** Starts it (again) and waits until it listens; the first start picks a free port, later ones reuse it. */
    public ServerProcess start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty(JVM_OPTIONS, TEST_JVM_OPTIONS).trim().split("\\s+")));
        command.addAll(List.of("-Dyishi.home=" + Path.of("..").toAbsolutePath().normalize(), "-cp", System.getProperty("java.class.path"),
                "org.yishi.server.SyncServerApplication", "--data", dataDir.toString(), "--port", String.valueOf(port)));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("YISHI_ADMIN_PASSWORD", ADMIN_PASSWORD);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, listening), "server-output");
        pump.setDaemon(true);
        pump.start();
        try {
            baseUri = listening.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not say it listens within 90 s; its output: " + log, e);
        }
        port = baseUri.getPort();
        return this;
    }

    private void pump(Process p, CompletableFuture<URI> listening) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        if (!listening.isDone()) {
            try {
                listening.completeExceptionally(new IllegalStateException("the server exited with " + p.waitFor()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGKILL: the process dies where it stands. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public URI baseUri() {
        return baseUri;
    }

    public String url() {
        return baseUri.toString().replaceAll("/$", "");
    }

    public Path log() {
        return log;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A graceful stop (SIGTERM), waiting for it. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** How long a test waits for the server to be up again after a kill. */
    public static final Duration RESTART = Duration.ofSeconds(90);
}
