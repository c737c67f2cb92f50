package org.yishi.config.simulate;

import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.yishi.config.csv.CsvWriter;
import org.yishi.core.money.Money;

/**
 * Totals of a simulation run — what {@code yishi policy simulate} prints after writing the per-row file.
 *
 * @param policyId      policy simulated
 * @param policyVersion its version
 * @param rows          data rows read (errors included)
 * @param subsidised    rows that got a meal subsidy
 * @param notSubsidised good rows that got none (see {@code refusals})
 * @param errors        rows that could not be simulated (written with eligible=error)
 * @param priceFen      total price of the good rows
 * @param subsidyFen    total meal subsidy
 * @param copayFen      total copayment
 * @param funders       per funder, in policy order
 * @param providers     per provider-subsidy rule, in policy order
 * @param refusals      refusal code (lower case) → rows, for good rows without subsidy
 * @param firstErrors   the first {@link Simulation#MAX_ERRORS_KEPT} row errors, in file order
 */
public record SimulationResult(
        String policyId,
        String policyVersion,
        long rows,
        long subsidised,
        long notSubsidised,
        long errors,
        long priceFen,
        long subsidyFen,
        long copayFen,
        List<FunderTotal> funders,
        List<ProviderTotal> providers,
        Map<String, Long> refusals,
        List<RowError> firstErrors) {

    public SimulationResult {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(policyVersion, "policyVersion");
        funders = List.copyOf(funders);
        providers = List.copyOf(providers);
        refusals = Map.copyOf(refusals);
        firstErrors = List.copyOf(firstErrors);
    }

    /** Provider subsidies of all rules. */
    public long providerFen() {
        return providers.stream().mapToLong(ProviderTotal::fen).sum();
    }

    /**
     * A plain-text report for the terminal, e.g.
     * <pre>
     * policy guangzhou-zengcheng 2020.1: 14 rows, 11 subsidised, 2 not subsidised, 1 error
     * price ¥168.00 = subsidy ¥80.00 + copay ¥88.00; provider subsidies ¥0.00
     * funder     meals  meal subsidy  provider  total
     * city          11        ¥33.00     ¥0.00  ¥33.00
     * </pre>
     */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "policy %s %s: %d rows, %d subsidised, %d not subsidised, %d %s%n", policyId, policyVersion,
                rows, subsidised, notSubsidised, errors, errors == 1 ? "error" : "errors"));
        b.append(String.format(Locale.ROOT, "price %s = subsidy %s + copay %s; provider subsidies %s%n", Money.ofFen(priceFen),
                Money.ofFen(subsidyFen), Money.ofFen(copayFen), Money.ofFen(providerFen())));
        int width = Math.max(6, funders.stream().mapToInt(f -> f.code().length()).max().orElse(6));
        b.append(String.format(Locale.ROOT, "%-" + width + "s %8s %14s %12s %14s  %s%n", "funder", "meals", "meal subsidy", "provider",
                "total", "name"));
        for (FunderTotal f : funders) {
            b.append(String.format(Locale.ROOT, "%-" + width + "s %8d %14s %12s %14s  %s%n", f.code(), f.meals(),
                    Money.ofFen(f.mealSubsidyFen()), Money.ofFen(f.providerFen()), Money.ofFen(f.totalFen()), f.name()));
        }
        for (ProviderTotal p : providers) {
            b.append(String.format(Locale.ROOT, "provider %s (%s, paid by %s): %d grants, %s%n", p.ruleId(),
                    p.role().name().toLowerCase(Locale.ROOT), p.funder(), p.grants(), Money.ofFen(p.fen())));
        }
        if (!refusals.isEmpty()) {
            b.append("not subsidised: ");
            b.append(String.join(", ", refusals.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
            b.append(System.lineSeparator());
        }
        for (RowError e : firstErrors) {
            b.append("error: ").append(e).append(System.lineSeparator());
        }
        if (firstErrors.size() >= Simulation.MAX_ERRORS_KEPT) {
            b.append("… further row errors are in the output file only").append(System.lineSeparator());
        }
        return b.toString();
    }

    /** The funder totals as CSV: {@code funder,name,meals,meal_subsidy_fen,provider_fen,total_fen}, one row per funder. */
    public void writeFunderTotals(Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row("funder", "name", "meals", "meal_subsidy_fen", "provider_fen", "total_fen");
        for (FunderTotal f : funders) {
            csv.row(f.code(), f.name(), Long.toString(f.meals()), Long.toString(f.mealSubsidyFen()), Long.toString(f.providerFen()),
                    Long.toString(f.totalFen()));
        }
        csv.flush();
    }
}
