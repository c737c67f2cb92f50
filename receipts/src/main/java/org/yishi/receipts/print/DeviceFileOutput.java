package org.yishi.receipts.print;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A printer behind a device file, e.g. {@code /dev/usb/lp0} (Linux usblp driver) or a parallel port.
 *
 * <p>The file is opened for writing only, never created: a missing device is reported, not replaced by an ordinary
 * file that would swallow receipts. Opening and writing run under a {@link Watchdog}, because a device (or a FIFO
 * nobody reads) can block in the kernel with no timeout of its own. A device file has no back channel here, so
 * {@link #status()} can only say whether the device is there.
 */
public final class DeviceFileOutput implements PrinterOutput {
    /** Written in pieces so the watchdog can tell a slow printer from a stuck one. */
    private static final int CHUNK = 4096;

    private final PrinterTarget.DeviceFile target;
    private final PrinterTimeouts timeouts;
    private final Watchdog watchdog = new Watchdog("yishi-print-device");

    public DeviceFileOutput(PrinterTarget.DeviceFile target, PrinterTimeouts timeouts) {
        this.target = Objects.requireNonNull(target, "target");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    }

    @Override
    public PrinterTarget target() {
        return target;
    }

    @Override
    public Delivery send(byte[] bytes) throws PrintFailure {
        PrintFailure.refuseEmpty(bytes, target);
        Path path = target.path();
        checkPresent(path);
        AtomicLong written = new AtomicLong();
        long start = System.nanoTime();
        watchdog.run(() -> {
            write(path, bytes, written);
            return null;
        }, timeouts.writeStall(), timeouts.job(), written::get, FailureKind.WRITE_TIMEOUT, "writing to " + path);
        return new Delivery(bytes.length, Duration.ofNanos(System.nanoTime() - start),
                PrinterStatus.unknown("a device file has no status channel"), false);
    }

    @Override
    public PrinterStatus status() {
        try {
            checkPresent(target.path());
            return PrinterStatus.unknown(target.path() + " is present; a device file has no status channel");
        } catch (PrintFailure failure) {
            return PrinterStatus.unreachable(failure.getMessage());
        }
    }

    private static void checkPresent(Path path) throws PrintFailure {
        if (!Files.exists(path)) {
            throw new PrintFailure(FailureKind.DEVICE_MISSING, "no printer device " + path
                    + ": is the printer plugged in and switched on? (ls -l " + parentOf(path) + "; dmesg | grep -i usblp)",
                    PrinterStatus.unreachable("missing"), false, null);
        }
        if (Files.isDirectory(path)) {
            throw new PrintFailure(FailureKind.DEVICE_MISSING, path + " is a directory, not a printer device",
                    PrinterStatus.unreachable("directory"), false, null);
        }
    }

    private static String parentOf(Path path) {
        return path.getParent() == null ? "/" : path.getParent().toString();
    }

    private static void write(Path path, byte[] bytes, AtomicLong written) throws PrintFailure {
        // APPEND, not TRUNCATE: harmless on a device, and a plain file used for testing keeps every receipt.
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                buffer.limit(Math.min(bytes.length, buffer.position() + CHUNK));
                channel.write(buffer);
                written.set(buffer.position());
                buffer.limit(bytes.length);
            }
        } catch (AccessDeniedException e) {
            throw new PrintFailure(FailureKind.PERMISSION_DENIED, "permission denied writing to " + path + " as user '"
                    + System.getProperty("user.name") + "': add the till user to the device's group (usually lp: "
                    + "sudo usermod -aG lp USER, then log in again) or fix the udev rule",
                    PrinterStatus.unreachable("permission denied"), false, e);
        } catch (NoSuchFileException e) {
            throw new PrintFailure(FailureKind.DEVICE_MISSING, "printer device " + path + " disappeared: unplugged?",
                    PrinterStatus.unreachable("missing"), false, e);
        } catch (FileSystemException e) {
            String reason = String.valueOf(e.getReason());
            boolean gone = reason.contains("No such device") || reason.contains("No such device or address");
            throw new PrintFailure(gone ? FailureKind.DEVICE_MISSING : FailureKind.IO_ERROR, "cannot write to " + path + ": "
                    + reason + (gone ? " (the device node exists but no printer answers it: switched off or unplugged?)" : ""),
                    PrinterStatus.unreachable(reason), written.get() > 0, e);
        } catch (IOException e) {
            throw new PrintFailure(FailureKind.IO_ERROR, "error writing to " + path + " after " + written.get() + " of "
                    + bytes.length + " bytes: " + e.getMessage(), PrinterStatus.unknown("I/O error"), written.get() > 0, e);
        }
    }
}
