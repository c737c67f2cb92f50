package org.yishi.receipts.print;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A network receipt printer on raw TCP (port 9100), with real-time status ({@code DLE EOT n}).
 *
 * <p>Every wait is a non-blocking {@link SocketChannel} under a {@link Selector} with a deadline, so a printer that
 * is off, unplugged, or accepts a connection and then never reads costs at most the configured timeouts.
 *
 * <p>Before a job the printer is asked for its status on the same connection; if it reports paper out, cover open,
 * offline or an error, nothing is sent. After the job, a printer that answers status is asked once more: its reply
 * proves it has read every byte of the receipt (real-time commands are answered as they are read, in order).
 * A printer that answered before and now stays silent is treated as hung. Printers that never answer
 * {@code DLE EOT} still print; their deliveries are reported unconfirmed.
 */
public final class TcpPrinterOutput implements PrinterOutput {
    /**
     * A small send buffer: bytes sitting in the till's kernel buffer look "sent" but may never reach a hung printer,
     * so the less of them, the sooner a stall shows as a write timeout.
     */
    public static final int DEFAULT_SEND_BUFFER = 8 * 1024;

    private final PrinterTarget.Tcp target;
    private final PrinterTimeouts timeouts;
    private final int sendBufferBytes;
    /** Learned: this printer has answered DLE EOT since the till started, so silence now means trouble. */
    private volatile boolean answersStatus;
    /** Learned: this printer has never answered DLE EOT; asking before every job would only add the reply timeout. */
    private volatile boolean silent;

    public TcpPrinterOutput(PrinterTarget.Tcp target, PrinterTimeouts timeouts) {
        this(target, timeouts, DEFAULT_SEND_BUFFER);
    }

    public TcpPrinterOutput(PrinterTarget.Tcp target, PrinterTimeouts timeouts, int sendBufferBytes) {
        this.target = Objects.requireNonNull(target, "target");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        if (sendBufferBytes < 1024) {
            throw new IllegalArgumentException("send buffer must be at least 1024 bytes, got " + sendBufferBytes);
        }
        this.sendBufferBytes = sendBufferBytes;
    }

    @Override
    public PrinterTarget target() {
        return target;
    }

    @Override
    public Delivery send(byte[] bytes) throws PrintFailure {
        PrintFailure.refuseEmpty(bytes, target);
        long start = System.nanoTime();
        long jobDeadline = start + timeouts.job().toNanos();
        try (Connection connection = connect(jobDeadline)) {
            boolean expectReply = answersStatus;
            PrinterStatus before = silent
                    ? PrinterStatus.unknown("printer has not answered DLE EOT before; not asked")
                    : connection.queryStatus(firstReplyWait(expectReply), jobDeadline);
            if (before.reply() == PrinterStatus.Reply.ANSWERED) {
                answersStatus = true;
            } else if (!expectReply) {
                silent = true;
            }
            if (before.reportsStopped()) {
                throw new PrintFailure(FailureKind.PRINTER_STOPPED, target.spec() + " reports " + before.conditions()
                        + "; nothing was sent", before, false, null);
            }
            if (expectReply && before.reply() != PrinterStatus.Reply.ANSWERED) {
                throw new PrintFailure(FailureKind.NO_RESPONSE, target.spec() + " accepted the connection but did not "
                        + "answer a status query within " + firstReplyWait(true).toMillis() + " ms (" + before.detail()
                        + "); nothing was sent", before, false, null);
            }
            connection.writeAll(bytes, jobDeadline);
            PrinterStatus after = PrinterStatus.unknown("printer does not answer DLE EOT");
            boolean confirmed = false;
            if (answersStatus) {
                after = connection.queryStatus(timeouts.writeStall(), jobDeadline);
                if (after.reply() != PrinterStatus.Reply.ANSWERED) {
                    throw new PrintFailure(FailureKind.NO_RESPONSE, target.spec() + " took all " + bytes.length
                            + " bytes but did not acknowledge them within " + timeouts.writeStall().toMillis()
                            + " ms (" + after.detail() + ")", after, true, null);
                }
                confirmed = true;
            }
            return new Delivery(bytes.length, Duration.ofNanos(System.nanoTime() - start), after, confirmed);
        }
    }

    private Duration firstReplyWait(boolean expectReply) {
        // A printer known to answer gets the longer write-stall wait: it may be busy draining the previous receipt.
        return expectReply && timeouts.writeStall().compareTo(timeouts.statusReply()) > 0
                ? timeouts.writeStall() : timeouts.statusReply();
    }

    @Override
    public PrinterStatus status() {
        long deadline = System.nanoTime() + timeouts.connect().plus(timeouts.statusReply().multipliedBy(4)).toNanos();
        try (Connection connection = connect(deadline)) {
            PrinterStatus status = connection.queryStatus(timeouts.statusReply(), deadline);
            if (status.reply() == PrinterStatus.Reply.ANSWERED) {
                answersStatus = true;
                silent = false;
            }
            return status;
        } catch (PrintFailure failure) {
            return failure.kind() == FailureKind.WRITE_TIMEOUT || failure.kind() == FailureKind.IO_ERROR
                    ? PrinterStatus.unknown(failure.getMessage())
                    : PrinterStatus.unreachable(failure.getMessage());
        }
    }

    private Connection connect(long deadline) throws PrintFailure {
        InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
        if (address.isUnresolved()) {
            throw new PrintFailure(FailureKind.UNREACHABLE, "printer host '" + target.host() + "' of " + target.spec()
                    + " does not resolve; use the printer's IP address", PrinterStatus.unreachable("unknown host"), false, null);
        }
        SocketChannel channel = null;
        Selector selector = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferBytes);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            selector = Selector.open();
            long connectDeadline = Math.min(deadline, System.nanoTime() + timeouts.connect().toNanos());
            if (!channel.connect(address)) {
                SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
                while (!channel.finishConnect()) {
                    long waitMillis = millisUntil(connectDeadline);
                    if (waitMillis <= 0) {
                        throw new PrintFailure(FailureKind.CONNECT_TIMEOUT, "no connection to " + target.spec() + " within "
                                + timeouts.connect().toMillis() + " ms", PrinterStatus.unreachable("connect timeout"), false, null);
                    }
                    selector.select(waitMillis);
                    selector.selectedKeys().clear();
                }
                key.cancel();
                selector.selectNow();
            }
            Connection connection = new Connection(channel, selector);
            channel = null;
            selector = null;
            return connection;
        } catch (ConnectException e) {
            throw new PrintFailure(FailureKind.REFUSED, "connection to " + target.spec() + " refused (" + e.getMessage() + ")",
                    PrinterStatus.unreachable("refused"), false, e);
        } catch (NoRouteToHostException e) {
            throw new PrintFailure(FailureKind.UNREACHABLE, "no route to " + target.spec() + " (" + e.getMessage() + ")",
                    PrinterStatus.unreachable("no route"), false, e);
        } catch (IOException e) {
            throw new PrintFailure(FailureKind.UNREACHABLE, "cannot connect to " + target.spec() + ": " + e,
                    PrinterStatus.unreachable(String.valueOf(e.getMessage())), false, e);
        } finally {
            closeQuietly(selector);
            closeQuietly(channel);
        }
    }

    private static long millisUntil(long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        // Round up so a wait never degenerates into select(0), which means "forever".
        return remaining <= 0 ? 0 : Math.max(1, (remaining + 999_999) / 1_000_000);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing after a failure: the failure already says what went wrong.
            }
        }
    }

    /** One open connection: the channel, its selector, and the deadline-bound reads and writes. */
    private final class Connection implements AutoCloseable {
        private final SocketChannel channel;
        private final Selector selector;
        private final SelectionKey key;
        private final ByteBuffer one = ByteBuffer.allocate(1);

        Connection(SocketChannel channel, Selector selector) throws IOException {
            this.channel = channel;
            this.selector = selector;
            this.key = channel.register(selector, 0);
        }

        /** Writes every byte, or fails when the printer takes nothing for {@code writeStall} or the job deadline passes. */
        void writeAll(byte[] bytes, long jobDeadline) throws PrintFailure {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long lastProgress = System.nanoTime();
            try {
                while (buffer.hasRemaining()) {
                    if (channel.write(buffer) > 0) {
                        lastProgress = System.nanoTime();
                        continue;
                    }
                    long stallDeadline = lastProgress + timeouts.writeStall().toNanos();
                    long waitMillis = millisUntil(Math.min(stallDeadline, jobDeadline));
                    if (waitMillis <= 0) {
                        boolean stalled = stallDeadline <= jobDeadline;
                        throw new PrintFailure(FailureKind.WRITE_TIMEOUT, target.spec() + (stalled
                                ? " took no data for " + timeouts.writeStall().toMillis() + " ms"
                                : " did not take the whole job within " + timeouts.job().toMillis() + " ms")
                                + " after " + buffer.position() + " of " + bytes.length + " bytes",
                                PrinterStatus.unknown("write timeout"), buffer.position() > 0, null);
                    }
                    key.interestOps(SelectionKey.OP_WRITE);
                    selector.select(waitMillis);
                    selector.selectedKeys().clear();
                    key.interestOps(0);
                }
            } catch (IOException e) {
                throw new PrintFailure(FailureKind.IO_ERROR, "connection to " + target.spec() + " broke after "
                        + buffer.position() + " of " + bytes.length + " bytes: " + e.getMessage(),
                        PrinterStatus.unknown("I/O error"), buffer.position() > 0, e);
            }
        }

        /**
         * Asks DLE EOT 1..4 in turn. No reply to the first within {@code firstWait} means UNKNOWN; a later gap
         * ends the questions with what was learned so far.
         */
        PrinterStatus queryStatus(Duration firstWait, long jobDeadline) throws PrintFailure {
            Set<PrinterCondition> conditions = EnumSet.noneOf(PrinterCondition.class);
            StringBuilder detail = new StringBuilder();
            try {
                drainStaleInput();
                for (int n = RealTimeStatus.PRINTER; n <= RealTimeStatus.PAPER_SENSOR; n++) {
                    writeAll(RealTimeStatus.query(n), jobDeadline);
                    Duration wait = n == RealTimeStatus.PRINTER ? firstWait : timeouts.statusReply();
                    int reply = readByte(Math.min(jobDeadline, System.nanoTime() + wait.toNanos()));
                    if (reply < 0) {
                        String note = "no reply to DLE EOT " + n + " within " + wait.toMillis() + " ms";
                        if (n == RealTimeStatus.PRINTER) {
                            return PrinterStatus.unknown(note);
                        }
                        detail.append(note);
                        break;
                    }
                    if (!RealTimeStatus.isStatusByte(reply)) {
                        return PrinterStatus.unknown(String.format("reply 0x%02X to DLE EOT %d is not a status byte", reply, n));
                    }
                    conditions.addAll(RealTimeStatus.decode(n, reply));
                }
            } catch (IOException e) {
                return PrinterStatus.unknown("status query failed: " + e.getMessage());
            }
            return new PrinterStatus(PrinterStatus.Reply.ANSWERED, conditions, detail.toString());
        }

        /** A late reply to an earlier, timed-out query must not be read as the answer to the next one. */
        private void drainStaleInput() throws IOException {
            ByteBuffer sink = ByteBuffer.allocate(256);
            while (channel.read(sink) > 0) {
                sink.clear();
            }
        }

        /** One byte, or -1 if none arrives before the deadline or the printer closed the connection. */
        private int readByte(long deadline) throws IOException {
            one.clear();
            while (true) {
                int read = channel.read(one);
                if (read > 0) {
                    return one.get(0) & 0xFF;
                }
                if (read < 0) {
                    return -1;
                }
                long waitMillis = millisUntil(deadline);
                if (waitMillis <= 0) {
                    return -1;
                }
                key.interestOps(SelectionKey.OP_READ);
                selector.select(waitMillis);
                selector.selectedKeys().clear();
                key.interestOps(0);
            }
        }

        @Override
        public void close() {
            closeQuietly(selector);
            closeQuietly(channel);
        }
    }
}
