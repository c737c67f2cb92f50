package org.yishi.till.store.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.session.SqlSession;
import org.yishi.core.elder.RegistryMode;

/**
 * One bulk import into the registry cache, fed row by row by whatever reads the source (the registry CSV readers
 * push each parsed row with its line number, and each unparseable row as a rejection). Rows are validated, sent to
 * H2 in JDBC batches through MyBatis' batch executor and committed every {@value #BATCH_ROWS} rows, so a bad row
 * costs only itself and a crash mid-import keeps what was committed (upserts make a re-run safe).
 * Not thread-safe: one reader thread feeds it; run one import at a time.
 *
 * <p>It fails closed (docs/registry-csv.md): a refused row naming a cached record blocks that record when the import
 * finishes — whatever other row of the same key was written, since the refused one may be the newer "lost" — so the
 * till stops serving it rather than keep its old state. A {@link RegistryMode#FULL full} import then removes every
 * record it neither wrote nor blocked: what the export leaves out is no longer served. Every row it touches is stamped
 * with the import's generation, which is how it knows.
 *
 * <p>While it runs, a marker file ({@link org.yishi.till.store.TillDatabase#IMPORT_MARKER}) sits in the database
 * directory; a crash leaves it behind and the next open empties the cache (a cut-off import may have left
 * half-written rows in H2).
 *
 * @param <T> the domain value imported (Elder, Card)
 */
public final class RegistryImport<T> implements AutoCloseable {

    /** At most this many rejections are kept in the report; the count covers all of them. */
    public static final int MAX_REPORTED_REJECTIONS = 1000;
    static final int BATCH_ROWS = 10_000;
    /** The {@code blocked_reason} column's width. */
    private static final int MAX_REASON = 500;

    private final SqlSession session;
    private final Optional<Path> marker;
    private final RegistryMapper mapper;
    private final RegistryTable<T> table;
    private final String source;
    private final RegistryMode mode;
    private final long generation;
    private final long startNanos = System.nanoTime();

    private final List<T> pending = new ArrayList<>(BATCH_ROWS);
    private final List<Long> pendingLines = new ArrayList<>(BATCH_ROWS);
    private final List<RowRejection> rejections = new ArrayList<>();
    /** Key → why, for every refused row that names a record; blocked at the end. Insertion order: file order. */
    private final Map<String, String> toBlock = new LinkedHashMap<>();
    private long accepted;
    private long rejected;
    private long unidentified;
    private boolean finished;

    RegistryImport(SqlSession batchSession, Optional<Path> marker, RegistryTable<T> table, String source, RegistryMode mode) {
        this.session = batchSession;
        this.marker = marker;
        this.table = Objects.requireNonNull(table, "table");
        this.source = Objects.requireNonNull(source, "source");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.mapper = batchSession.getMapper(RegistryMapper.class);
        // A select in a batch session runs at once (and flushes nothing, none being queued yet).
        this.generation = mapper.nextGeneration();
        marker.ifPresent(RegistryImport::createMarker);
    }

    /** Full or delta. */
    public RegistryMode mode() {
        return mode;
    }

    /** Offers one parsed row; it is checked now and written with its batch. */
    public void accept(long line, T value) {
        checkOpen();
        Optional<String> problem = table.problem(value);
        if (problem.isPresent()) {
            reject(line, problem.get(), table.key(value));
            return;
        }
        pending.add(value);
        pendingLines.add(line);
        if (pending.size() >= BATCH_ROWS) {
            flush();
        }
    }

    /** Records a row the reader could not parse and that names no record it could read. */
    public void reject(long line, String problem) {
        reject(line, problem, "");
    }

    /**
     * Records a row the reader could not parse. If it names a record ({@code key}: elder id or card UID, as leniently
     * as a lookup reads it), that record is blocked when the import finishes.
     */
    public void reject(long line, String problem, String key) {
        checkOpen();
        rejected++;
        String k = key == null ? "" : key;
        if (k.isEmpty()) {
            unidentified++;
        } else {
            toBlock.putIfAbsent(k, reason(line, problem));
        }
        if (rejections.size() < MAX_REPORTED_REJECTIONS) {
            rejections.add(new RowRejection(line, problem, k));
        }
    }

    /**
     * Writes the last batch, blocks the records of refused rows, removes what a full export left out, records the
     * import and returns what happened.
     */
    public ImportReport finish() {
        checkOpen();
        flush();
        for (Map.Entry<String, String> b : toBlock.entrySet()) {
            table.block(mapper, b.getKey(), b.getValue(), generation);
        }
        long blocked = updateCount(session.flushStatements());
        long removed = mode == RegistryMode.FULL ? table.removeAbsent(mapper, generation) : 0;
        mapper.recordImport(table.kind(), source, accepted, rejected);
        session.commit();
        finished = true;
        rejections.sort(Comparator.comparingLong(RowRejection::line));
        return new ImportReport(table.kind(), source, accepted, rejected, rejections, Duration.ofNanos(System.nanoTime() - startNanos),
                Optional.of(new RegistryEffect(mode, blocked, removed, unidentified)));
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        for (T value : pending) {
            table.upsert(mapper, value, generation);
        }
        try {
            List<BatchResult> results = session.flushStatements();
            session.commit();
            countResults(results, pending, pendingLines);
        } catch (PersistenceException batchFailed) {
            session.rollback();
            writeOneByOne();
        }
        pending.clear();
        pendingLines.clear();
    }

    private void countResults(List<BatchResult> results, List<T> values, List<Long> lines) {
        int i = 0;
        for (BatchResult result : results) {
            for (int count : result.getUpdateCounts()) {
                if (count == 0) {
                    reject(lines.get(i), table.notWritten(values.get(i)), table.key(values.get(i)));
                } else {
                    accepted++;
                }
                i++;
            }
        }
        if (i != values.size()) {
            throw new IllegalStateException("batch of " + values.size() + " " + table.kind() + " returned " + i + " update counts");
        }
    }

    /** A batch failed in the database: find the row(s) at fault and keep the others. */
    private void writeOneByOne() {
        for (int i = 0; i < pending.size(); i++) {
            T value = pending.get(i);
            long line = pendingLines.get(i);
            table.upsert(mapper, value, generation);
            try {
                List<BatchResult> results = session.flushStatements();
                session.commit();
                countResults(results, List.of(value), List.of(line));
            } catch (PersistenceException e) {
                session.rollback();
                reject(line, "the till database refused the row: " + rootMessage(e), table.key(value));
            }
        }
    }

    private String reason(long line, String problem) {
        String r = source + ":" + line + ": " + problem;
        return r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r;
    }

    private static long updateCount(List<BatchResult> results) {
        long n = 0;
        for (BatchResult r : results) {
            for (int count : r.getUpdateCounts()) {
                n += Math.max(count, 0);
            }
        }
        return n;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException(table.kind() + " import from " + source + " is already finished");
        }
    }

    /** Ends the import; rows not yet flushed by {@link #finish()} are dropped (and were never reported accepted). */
    @Override
    public void close() {
        session.close();
        marker.ifPresent(RegistryImport::deleteMarker);
    }

    private static void createMarker(Path file) {
        try {
            Files.writeString(file, "registry import running\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteMarker(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }
}
