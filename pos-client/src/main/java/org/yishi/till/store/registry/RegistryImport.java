package org.yishi.till.store.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.session.SqlSession;

/**
 * One bulk import into the registry cache, fed row by row by whatever reads the source (the registry CSV readers
 * push each parsed row with its line number, and each unparseable row as a rejection). Rows are validated, sent to
 * H2 in JDBC batches through MyBatis' batch executor and committed every {@value #BATCH_ROWS} rows, so a bad row
 * costs only itself and a crash mid-import keeps what was committed (upserts make a re-run safe).
 * Not thread-safe: one reader thread feeds it.
 *
 * @param <T> the domain value imported (Elder, Card)
 */
public final class RegistryImport<T> implements AutoCloseable {

    /** At most this many rejections are kept in the report; the count covers all of them. */
    public static final int MAX_REPORTED_REJECTIONS = 1000;
    static final int BATCH_ROWS = 10_000;

    private final SqlSession session;
    private final RegistryMapper mapper;
    private final String kind;
    private final String source;
    private final Function<T, Optional<String>> validator;
    private final BiConsumer<RegistryMapper, T> upsert;
    private final Function<T, String> notWrittenProblem;
    private final long startNanos = System.nanoTime();

    private final List<T> pending = new ArrayList<>(BATCH_ROWS);
    private final List<Long> pendingLines = new ArrayList<>(BATCH_ROWS);
    private final List<RowRejection> rejections = new ArrayList<>();
    private long accepted;
    private long rejected;
    private boolean finished;

    RegistryImport(SqlSession batchSession, String kind, String source, Function<T, Optional<String>> validator,
            BiConsumer<RegistryMapper, T> upsert, Function<T, String> notWrittenProblem) {
        this.session = batchSession;
        this.mapper = batchSession.getMapper(RegistryMapper.class);
        this.kind = kind;
        this.source = source;
        this.validator = validator;
        this.upsert = upsert;
        this.notWrittenProblem = notWrittenProblem;
    }

    /** Offers one parsed row; it is checked now and written with its batch. */
    public void accept(long line, T value) {
        checkOpen();
        Optional<String> problem = validator.apply(value);
        if (problem.isPresent()) {
            reject(line, problem.get());
            return;
        }
        pending.add(value);
        pendingLines.add(line);
        if (pending.size() >= BATCH_ROWS) {
            flush();
        }
    }

    /** Records a row the reader could not parse. */
    public void reject(long line, String problem) {
        checkOpen();
        rejected++;
        if (rejections.size() < MAX_REPORTED_REJECTIONS) {
            rejections.add(new RowRejection(line, problem));
        }
    }

    /** Writes the last batch, records the import and returns what happened. */
    public ImportReport finish() {
        checkOpen();
        flush();
        mapper.recordImport(kind, source, accepted, rejected);
        session.commit();
        finished = true;
        rejections.sort(Comparator.comparingLong(RowRejection::line));
        return new ImportReport(kind, source, accepted, rejected, rejections, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        for (T value : pending) {
            upsert.accept(mapper, value);
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
                    reject(lines.get(i), notWrittenProblem.apply(values.get(i)));
                } else {
                    accepted++;
                }
                i++;
            }
        }
        if (i != values.size()) {
            throw new IllegalStateException("batch of " + values.size() + " " + kind + " returned " + i + " update counts");
        }
    }

    /** A batch failed in the database: find the row(s) at fault and keep the others. */
    private void writeOneByOne() {
        for (int i = 0; i < pending.size(); i++) {
            T value = pending.get(i);
            long line = pendingLines.get(i);
            upsert.accept(mapper, value);
            try {
                List<BatchResult> results = session.flushStatements();
                session.commit();
                countResults(results, List.of(value), List.of(line));
            } catch (PersistenceException e) {
                session.rollback();
                reject(line, "the till database refused the row: " + rootMessage(e));
            }
        }
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
            throw new IllegalStateException(kind + " import from " + source + " is already finished");
        }
    }

    /** Ends the import; rows not yet flushed by {@link #finish()} are dropped (and were never reported accepted). */
    @Override
    public void close() {
        session.close();
    }
}
