package org.yishi.receipts.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.RenderedReceipt;

/**
 * Keeps print jobs that have not printed in a directory, one file each, so a till restart still shows them.
 *
 * <p>A file is {@code NNNNNNNNNNNN.job} (the queue's sequence number, so the order survives) holding a short UTF-8
 * header ({@code key=value} lines, a blank line) and then the exact receipt bytes; the header carries their length
 * and SHA-256, checked on load. A file that fails the check is renamed {@code .corrupt} and reported, never
 * silently dropped or printed. Writes go to a temporary file first and are moved into place.
 * Discards are appended to {@code discarded.log}: time, receipt id, kind, supervisor, reason.
 */
public final class HeldJobDirectory {
    private static final String MAGIC = "YISHI-HELD-PRINT-JOB 1";
    private static final String SUFFIX = ".job";

    private final Path directory;

    /** A job read back from the directory. */
    public record StoredJob(long sequence, RenderedReceipt receipt, Instant submittedAt, String lastFailure) {
    }

    /** What loading found: the intact jobs in order, and a line for each file that could not be read. */
    public record Loaded(List<StoredJob> jobs, List<String> problems) {
        public Loaded {
            jobs = List.copyOf(jobs);
            problems = List.copyOf(problems);
        }
    }

    public HeldJobDirectory(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the held print job directory " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Writes (or replaces) the file for job {@code sequence}. */
    void save(long sequence, RenderedReceipt receipt, Instant submittedAt, String lastFailure) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("receiptId", receipt.receiptId());
        header.put("kind", receipt.kind().name());
        header.put("kicksDrawer", Boolean.toString(receipt.kicksDrawer()));
        header.put("submittedAt", submittedAt.toString());
        header.put("lastFailure", oneLine(lastFailure));
        header.put("length", Integer.toString(receipt.escPos().length));
        header.put("sha256", sha256(receipt.escPos()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(receipt.escPos().length + 512);
        StringBuilder text = new StringBuilder(MAGIC).append('\n');
        header.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        text.append('\n');
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(receipt.escPos());
        Path target = fileFor(sequence);
        Path temp = directory.resolve(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(out.toByteArray()));
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the file of a job that printed or was discarded. */
    void remove(long sequence) throws IOException {
        Files.deleteIfExists(fileFor(sequence));
    }

    /** Appends a discard to {@code discarded.log}. */
    void recordDiscard(DiscardRecord record) throws IOException {
        String line = String.join("\t", record.at().toString(), oneLine(record.receiptId()), record.kind().name(),
                oneLine(record.supervisor()), oneLine(record.reason())) + "\n";
        Files.writeString(directory.resolve("discarded.log"), line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** Every intact job, in sequence order; unreadable files are renamed {@code .corrupt} and listed as problems. */
    public Loaded load() {
        List<StoredJob> jobs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list held print jobs in " + directory, e);
        }
        for (Path file : files) {
            try {
                jobs.add(read(file));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(file.getFileName() + ": " + e.getMessage());
                try {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException moveFailed) {
                    problems.add(file.getFileName() + ": could not be renamed .corrupt either: " + moveFailed.getMessage());
                }
            }
        }
        return new Loaded(jobs, problems);
    }

    private StoredJob read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String digits = name.substring(0, name.length() - SUFFIX.length());
        if (!digits.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("file name is not SEQUENCE.job");
        }
        byte[] all = Files.readAllBytes(file);
        int headerEnd = indexOf(all, new byte[] {'\n', '\n'});
        if (headerEnd < 0) {
            throw new IllegalArgumentException("no end of header (blank line)");
        }
        String[] lines = new String(all, 0, headerEnd, StandardCharsets.UTF_8).split("\n");
        if (!MAGIC.equals(lines[0])) {
            throw new IllegalArgumentException("first line is not '" + MAGIC + "'");
        }
        Map<String, String> header = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("header line " + (i + 1) + " is not key=value: " + lines[i]);
            }
            header.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
        }
        for (String key : Set.of("receiptId", "kind", "kicksDrawer", "submittedAt", "length", "sha256")) {
            if (!header.containsKey(key)) {
                throw new IllegalArgumentException("header has no " + key);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(all, headerEnd + 2, all.length);
        int length = Integer.parseInt(header.get("length"));
        if (body.length != length) {
            throw new IllegalArgumentException("header says " + length + " bytes, file holds " + body.length);
        }
        if (!sha256(body).equals(header.get("sha256"))) {
            throw new IllegalArgumentException("receipt bytes do not match their SHA-256");
        }
        RenderedReceipt receipt = new RenderedReceipt(header.get("receiptId"), ReceiptKind.valueOf(header.get("kind")),
                body, Boolean.parseBoolean(header.get("kicksDrawer")));
        return new StoredJob(Long.parseLong(digits), receipt, Instant.parse(header.get("submittedAt")),
                header.getOrDefault("lastFailure", ""));
    }

    private Path fileFor(long sequence) {
        return directory.resolve(String.format("%012d%s", sequence, SUFFIX));
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
