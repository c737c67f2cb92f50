package org.yishi.receipts.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network receipt printer on loopback for tests: a real {@link ServerSocket} that records what it is sent and
 * answers {@code DLE EOT n} as a printer would (real-time: the query is answered when read, and is not printed).
 *
 * <p>Modes: {@link #accept()} records; {@link #refuse()} closes the port (connections refused); {@link #stall()}
 * accepts connections and never reads them (a hung printer); {@link #blackhole()} keeps the port open but never
 * accepts, with a full backlog, so connection attempts time out. {@link #recover()} is a printer coming back:
 * stalled connections are dropped, as a reboot would.
 */
final class FakeNetworkPrinter implements AutoCloseable {
    /** Replies to DLE EOT 1..4; {@code null} means the printer ignores status queries. */
    static final byte[] READY = {0x12, 0x12, 0x12, 0x12};
    static final byte[] PAPER_OUT = {0x1A, 0x32, 0x12, 0x72};
    static final byte[] COVER_OPEN = {0x1A, 0x16, 0x12, 0x12};
    static final byte[] OFFLINE = {0x1A, 0x12, 0x12, 0x12};
    static final byte[] PAPER_NEAR_END = {0x12, 0x12, 0x12, 0x1E};

    private final int port;
    private volatile ServerSocket server;
    private volatile boolean stalled;
    private volatile byte[] statusReplies = READY;
    /** By connection number: the order the till connected in, whatever order the reader threads finish in. */
    private final java.util.concurrent.ConcurrentSkipListMap<Integer, byte[]> jobs = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger statusQueries = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> backlogFillers = new ArrayList<>();
    private volatile Thread acceptor;

    FakeNetworkPrinter() throws IOException {
        this.server = bind(0);
        this.port = server.getLocalPort();
        startAccepting(server);
    }

    int port() {
        return port;
    }

    PrinterTarget.Tcp target() {
        return new PrinterTarget.Tcp("127.0.0.1", port);
    }

    /**
     * Print jobs received so far, one per closed connection that carried print data, status queries removed,
     * in the order the connections were made.
     */
    List<byte[]> jobs() {
        return List.copyOf(jobs.values());
    }

    int statusQueries() {
        return statusQueries.get();
    }

    int connections() {
        return connections.get();
    }

    /** Answer status queries with these four bytes from now on ({@code null}: stay silent). */
    void answer(byte[] replies) {
        this.statusReplies = replies;
    }

    /** Accept and record (the normal printer). */
    synchronized void accept() throws IOException {
        stalled = false;
        if (server.isClosed()) {
            server = bind(port);
            startAccepting(server);
        }
    }

    /** Close the port: connections are refused. Returns once a probe connection is refused. */
    synchronized void refuse() throws IOException {
        server.close();
        joinAcceptor();
        closeAll();
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            } catch (IOException refused) {
                return;
            }
            sleep(10);
        }
        throw new IllegalStateException("port " + port + " still accepts connections after refuse()");
    }

    private void joinAcceptor() {
        Thread thread = acceptor;
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Accept connections but never read from them. */
    synchronized void stall() throws IOException {
        accept();
        stalled = true;
    }

    /**
     * Keep listening, stop accepting and fill the backlog, so new connection attempts get no SYN-ACK and time out.
     */
    synchronized void blackhole() throws IOException {
        server.close();
        joinAcceptor();
        closeAll();
        ServerSocket deaf = new ServerSocket();
        deaf.setReuseAddress(true);
        deaf.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        server = deaf;
        // Linux queues backlog+1 connections; these take the places, later SYNs are dropped.
        for (int i = 0; i < 3; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            } catch (IOException full) {
                filler.close();
                break;
            }
            backlogFillers.add(filler);
        }
    }

    /** Back to a healthy printer: stalled or deaf connections are dropped, as after a reboot. */
    synchronized void recover() throws IOException {
        stalled = false;
        closeAll();
        for (Socket filler : backlogFillers) {
            filler.close();
        }
        backlogFillers.clear();
        server.close();
        joinAcceptor();
        server = bind(port);
        startAccepting(server);
        statusReplies = READY;
    }

    private void closeAll() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    private ServerSocket bind(int wanted) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        // A small window, as a printer has: a stalled printer then pushes back after a few KB, not megabytes.
        socket.setReceiveBufferSize(4096);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
        return socket;
    }

    private void startAccepting(ServerSocket socket) {
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    int number = connections.incrementAndGet();
                    open.add(client);
                    if (!stalled) {
                        Thread reader = new Thread(() -> serve(client, number), "fake-printer-conn");
                        reader.setDaemon(true);
                        reader.start();
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }, "fake-printer-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        this.acceptor = acceptor;
    }

    /** Reads like a printer: DLE EOT n is answered on the spot and not printed; everything else is print data. */
    private void serve(Socket client, int number) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            int matched = 0; // bytes of "10 04" seen so far
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    int b = buffer[i] & 0xFF;
                    if (matched == 0 && b == 0x10) {
                        matched = 1;
                    } else if (matched == 1 && b == 0x04) {
                        matched = 2;
                    } else if (matched == 2 && b >= 1 && b <= 4) {
                        matched = 0;
                        statusQueries.incrementAndGet();
                        byte[] replies = statusReplies;
                        if (replies != null) {
                            out.write(replies[b - 1]);
                            out.flush();
                        }
                    } else {
                        // Not a status query after all: what was held back is print data.
                        if (matched >= 1) {
                            printed.write(0x10);
                        }
                        if (matched == 2) {
                            printed.write(0x04);
                        }
                        matched = 0;
                        if (b == 0x10) {
                            matched = 1;
                        } else {
                            printed.write(b);
                        }
                    }
                }
            }
        } catch (IOException dropped) {
            // Connection reset by the till or by recover(): what arrived is still recorded below.
        } finally {
            open.remove(client);
            if (printed.size() > 0) {
                jobs.put(number, printed.toByteArray());
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeAll();
        for (Socket filler : backlogFillers) {
            filler.close();
        }
    }
}
