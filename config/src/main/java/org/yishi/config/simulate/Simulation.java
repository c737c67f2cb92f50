package org.yishi.config.simulate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yishi.config.csv.CsvFormatException;
import org.yishi.config.csv.CsvReader;
import org.yishi.config.csv.CsvRecord;
import org.yishi.config.csv.CsvWriter;
import org.yishi.core.policy.Funder;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.ProviderSubsidyRule;
import org.yishi.core.subsidy.AppliedRule;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.PriorPurchase;
import org.yishi.core.subsidy.ProviderGrant;
import org.yishi.core.subsidy.Quote;
import org.yishi.core.subsidy.SubsidyEngine;

/**
 * Runs a file of purchases through the subsidy engine under one policy — "what would this policy have paid?"
 * — writing one result row per input row ({@code docs/simulate.md}) and returning totals per funder.
 *
 * <p>Rows are processed in file order and each elder's subsidised purchases are remembered, so meal-slot,
 * day, week and month limits apply across rows exactly as on a till. A malformed row is written as an
 * {@code eligible=error} row naming its line, column and field, and the run goes on. Streaming: only the
 * current row and the elders' histories within the policy's largest limit window are held in memory.
 */
public final class Simulation {

    /** Row errors kept in {@link SimulationResult#firstErrors()} (all are written to the output). */
    public static final int MAX_ERRORS_KEPT = 1000;

    private static final int SWEEP_EVERY = 1 << 16;
    private static final List<String> FIXED_OUTPUT = List.of("purchase_id", "eligible", "rule", "subsidy_fen", "copay_fen", "reason");

    private final SubsidyEngine engine;

    public Simulation(SubsidyEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** The input columns ({@code docs/simulate.md}). */
    public static List<String> inputColumns() {
        return PurchaseRowParser.COLUMNS;
    }

    /**
     * The output header for a policy: {@code purchase_id,eligible,rule,subsidy_fen,copay_fen,reason}, then
     * {@code funder:<code>} per funder and {@code provider:<id>} per provider-subsidy rule, in policy order.
     */
    public static List<String> outputColumns(Policy policy) {
        List<String> columns = new ArrayList<>(FIXED_OUTPUT);
        policy.funders().forEach(f -> columns.add("funder:" + f.code()));
        policy.providerSubsidies().forEach(p -> columns.add("provider:" + p.id()));
        return columns;
    }

    /**
     * Simulates files: reads UTF-8 (bytes that are not UTF-8 make their row an error), writes UTF-8.
     *
     * @throws CsvFormatException when the header is missing or wrong (nothing can be simulated)
     */
    public SimulationResult run(Policy policy, Path purchases, Path results) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(purchases), decoder), 1 << 16);
             Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(results), StandardCharsets.UTF_8), 1 << 16)) {
            return run(policy, in, out);
        }
    }

    /**
     * Simulates a purchases CSV read from {@code purchases}, writing result rows to {@code results} (flushed,
     * not closed).
     *
     * @throws CsvFormatException when the header is missing or wrong (nothing can be simulated)
     */
    public SimulationResult run(Policy policy, Reader purchases, Writer results) {
        CsvReader csv = CsvReader.open(purchases);
        csv.requireColumns(PurchaseRowParser.COLUMNS);
        List<String> extra = csv.header().keySet().stream().filter(c -> !PurchaseRowParser.COLUMNS.contains(c)).toList();
        if (!extra.isEmpty()) {
            throw new CsvFormatException(1, "unknown column(s) " + String.join(", ", extra) + "; expected exactly "
                    + String.join(",", PurchaseRowParser.COLUMNS));
        }
        Run run = new Run(policy, new CsvWriter(results));
        while (true) {
            Optional<CsvRecord> record;
            try {
                record = csv.next();
            } catch (CsvFormatException e) {
                run.unreadable(e);
                continue;
            }
            if (record.isEmpty()) {
                break;
            }
            run.row(record.get());
        }
        return run.finish();
    }

    /** The state of one run: the output, the elders' histories and the running totals. */
    private final class Run {
        private final Policy policy;
        private final CsvWriter out;
        private final PurchaseRowParser parser;
        private final ElderHistories histories;
        private final int width;
        private final Map<String, long[]> funderTotals = new LinkedHashMap<>();
        private final Map<String, long[]> providerTotals = new LinkedHashMap<>();
        private final Map<String, Long> refusals = new HashMap<>();
        private final List<RowError> firstErrors = new ArrayList<>();
        private long rows;
        private long subsidised;
        private long notSubsidised;
        private long errors;
        private long price;
        private long subsidy;
        private long copay;

        Run(Policy policy, CsvWriter out) {
            this.policy = policy;
            this.out = out;
            this.parser = new PurchaseRowParser(policy);
            this.histories = new ElderHistories(policy);
            List<String> header = outputColumns(policy);
            this.width = header.size();
            policy.funders().forEach(f -> funderTotals.put(f.code(), new long[3]));
            policy.providerSubsidies().forEach(p -> providerTotals.put(p.id(), new long[2]));
            out.row(header);
        }

        void unreadable(CsvFormatException e) {
            rows++;
            error("", List.of(new RowError(e.line(), 0, "", e.getMessage().replaceFirst("^line \\d+: ", ""))));
        }

        void row(CsvRecord record) {
            rows++;
            PurchaseRow row = parser.parse(record);
            if (!row.good()) {
                error(row.purchaseId(), row.errors());
                return;
            }
            String elderId = row.elder().id();
            LocalDateTime time = row.purchase().time();
            Quote quote;
            try {
                quote = engine.quote(policy, row.elder(), row.purchase(), histories.before(elderId, time));
            } catch (RuntimeException e) {
                // An engine failure on one row must not lose the rest of a million-row run; it is reported as that row's error.
                error(row.purchaseId(), List.of(new RowError(row.line(), 0, "", "engine failed: " + e)));
                return;
            }
            // Subsidy or a provider grant means screening passed, so the purchase has a slot.
            if (quote.subsidised() || !quote.providerGrants().isEmpty()) {
                histories.record(elderId, new PriorPurchase(time, row.purchase().mealSlot().orElseThrow(), row.purchase().channel(), quote.subsidyFen(),
                        quote.appliedRules().stream().map(AppliedRule::ruleId).collect(Collectors.toSet()),
                        quote.providerGrants().stream().map(ProviderGrant::ruleId).collect(Collectors.toSet())));
            }
            if (rows % SWEEP_EVERY == 0) {
                histories.sweep(time);
            }
            write(row.purchaseId(), quote);
        }

        private void write(String purchaseId, Quote quote) {
            price += quote.priceFen();
            subsidy += quote.subsidyFen();
            copay += quote.copayFen();
            String reason = quote.refusal().map(r -> r.reason().name().toLowerCase(Locale.ROOT)
                    + (r.detail().isEmpty() ? "" : ": " + r.detail())).orElse("");
            if (quote.subsidised()) {
                subsidised++;
            } else {
                notSubsidised++;
                quote.refusal().ifPresent(r -> refusals.merge(r.reason().name().toLowerCase(Locale.ROOT), 1L, Long::sum));
            }
            Map<String, Long> shares = new HashMap<>();
            for (FunderShare s : quote.funderShares()) {
                shares.merge(s.funder(), s.fen(), Long::sum);
            }
            Map<String, Long> grants = new HashMap<>();
            for (ProviderGrant g : quote.providerGrants()) {
                grants.merge(g.ruleId(), g.fen(), Long::sum);
                long[] f = funderTotals.get(g.funder());
                if (f != null) {
                    f[2] += g.fen();
                }
                long[] p = providerTotals.get(g.ruleId());
                if (p != null) {
                    p[0]++;
                    p[1] += g.fen();
                }
            }
            List<String> fields = new ArrayList<>(width);
            fields.add(purchaseId);
            fields.add(quote.subsidised() ? "yes" : "no");
            fields.add(quote.ruleLabel());
            fields.add(Long.toString(quote.subsidyFen()));
            fields.add(Long.toString(quote.copayFen()));
            fields.add(reason);
            for (Funder f : policy.funders()) {
                long fen = shares.getOrDefault(f.code(), 0L);
                fields.add(Long.toString(fen));
                long[] t = funderTotals.get(f.code());
                if (fen > 0) {
                    t[0]++;
                    t[1] += fen;
                }
            }
            for (ProviderSubsidyRule p : policy.providerSubsidies()) {
                fields.add(Long.toString(grants.getOrDefault(p.id(), 0L)));
            }
            out.row(fields);
        }

        private void error(String purchaseId, List<RowError> rowErrors) {
            errors++;
            for (RowError e : rowErrors) {
                if (firstErrors.size() < MAX_ERRORS_KEPT) {
                    firstErrors.add(e);
                }
            }
            List<String> fields = new ArrayList<>(width);
            fields.add(purchaseId);
            fields.add("error");
            fields.add("");
            fields.add("");
            fields.add("");
            fields.add(rowErrors.stream().map(RowError::toString).collect(Collectors.joining("; ")));
            while (fields.size() < width) {
                fields.add("");
            }
            out.row(fields);
        }

        SimulationResult finish() {
            out.flush();
            List<FunderTotal> funders = policy.funders().stream().map(f -> {
                long[] t = funderTotals.get(f.code());
                return new FunderTotal(f.code(), f.name(), t[0], t[1], t[2]);
            }).toList();
            List<ProviderTotal> providers = policy.providerSubsidies().stream().map(p -> {
                long[] t = providerTotals.get(p.id());
                return new ProviderTotal(p.id(), p.role(), p.funder(), t[0], t[1]);
            }).toList();
            return new SimulationResult(policy.id(), policy.version(), rows, subsidised, notSubsidised, errors, price, subsidy, copay,
                    funders, providers, refusals, firstErrors);
        }
    }
}
