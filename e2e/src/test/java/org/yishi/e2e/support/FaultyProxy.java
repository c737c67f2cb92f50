package org.yishi.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback between a till and the server that misbehaves on purpose, one connection at a time in the
 * chosen {@link Fault}: the network faults a till meets (there is no {@code tc netem} here; this is in-process and
 * real TCP). Each connection carries one HTTP exchange (the proxy asks for {@code Connection: close}).
 */
public final class FaultyProxy implements AutoCloseable {

    /** What the proxy does to each connection. */
    public enum Fault {
        /** Forwards faithfully. */
        NONE,
        /** Closes the connection as soon as it is accepted. */
        DROP,
        /** Reads the request and never answers (the till's timeout decides). */
        STALL,
        /** Forwards the request, then sends only the first part of the server's answer and closes. */
        TRUNCATE,
        /** Forwards the request and answers with the server's headers and garbage in place of its body. */
        GARBLE,
        /** Answers 500 without asking the server. */
        HTTP_500,
        /** Forwards the request, lets the server answer (and commit), and closes before the till hears it. */
        LOSE_ANSWER,
        /** Forwards faithfully, one byte every few milliseconds. */
        DRIP
    }

    private final ServerSocket listener;
    private final int target;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile Fault fault = Fault.NONE;
    private volatile String onlyFor = "";

    public FaultyProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        pool.submit(this::accept);
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Every exchange gets {@code f}. */
    public void fault(Fault f) {
        fault(f, "");
    }

    /** Exchanges whose request line starts with {@code requestPrefix} get {@code f}; the others pass. */
    public void fault(Fault f, String requestPrefix) {
        this.onlyFor = requestPrefix;
        this.fault = f;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Fault f = fault;
                String prefix = onlyFor;
                pool.submit(() -> serve(client, f, prefix));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client, Fault chosen, String prefix) {
        try (client) {
            byte[] request = readRequest(client.getInputStream());
            Fault f = new String(request, 0, Math.min(request.length, 200), StandardCharsets.ISO_8859_1).startsWith(prefix) ? chosen : Fault.NONE;
            if (f == Fault.DROP) {
                return;
            }
            if (f == Fault.STALL) {
                Thread.sleep(120_000);
                return;
            }
            OutputStream toClient = client.getOutputStream();
            if (f == Fault.HTTP_500) {
                toClient.write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\nConnection: close\r\n\r\noops!".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            byte[] response;
            try (Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
                server.getOutputStream().write(request);
                response = server.getInputStream().readAllBytes();
            }
            switch (f) {
                case LOSE_ANSWER -> {
                    // the server has answered, so it has committed; the till hears nothing
                }
                case TRUNCATE -> toClient.write(response, 0, Math.max(1, response.length / 2));
                case GARBLE -> {
                    int body = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
                    for (int i = body; i < response.length; i++) {
                        response[i] = (byte) ('#' + (i % 40));
                    }
                    toClient.write(response);
                }
                case DRIP -> {
                    for (byte b : response) {
                        toClient.write(b);
                        toClient.flush();
                        Thread.sleep(0, 200_000);
                    }
                }
                default -> toClient.write(response);
            }
        } catch (IOException | InterruptedException ignored) {
            // the till's side gave up or the test is over
        }
    }

    /** Reads one HTTP request (headers and a Content-Length body) and rewrites it to close after the answer. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        long length = 0;
        StringBuilder rewritten = new StringBuilder();
        for (String line : headers.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
            if (lower.startsWith("connection:") || lower.startsWith("keep-alive:")) {
                continue;
            }
            rewritten.append(line).append("\r\n");
        }
        rewritten.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(in.readNBytes((int) length));
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= data.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return data.length - 4;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pool.shutdownNow();
    }
}
