package org.yishi.config.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.snakeyaml.engine.v2.nodes.Node;
import org.yishi.config.yaml.Fields;
import org.yishi.config.yaml.ValueReader;
import org.yishi.core.money.Money;
import org.yishi.core.policy.FundingPart;
import org.yishi.core.policy.Locality;
import org.yishi.core.policy.SubsidyFormula;

/**
 * Reads a rule's {@code funding:} list and proves that it allocates every fen the rule can grant.
 *
 * <p>The rule (docs/policy-format.md, "Funding"): parts are allocated in order; {@code share: 3} takes up to
 * ¥3 of what is left, {@code share: 50%} takes 50% of the rule's subsidy rounded down, {@code share: rest}
 * takes what is left. A funding list is accepted only if nothing can be left over:
 * <ul>
 *   <li>it ends with a {@code share: rest} part (at most one; it takes what all the others leave, so it must
 *       be listed last where a reader expects it); or</li>
 *   <li>it has only fixed shares, and they add up to at least the largest subsidy the rule can grant (its
 *       cap, or its fixed amount). A copay or percent formula without a cap has no largest subsidy and needs
 *       a rest part.</li>
 * </ul>
 * Percent shares always need a rest part, because rounding down leaves fen over. Percent shares may not add
 * up to more than 100%. A funder may appear in two parts (a base share and a top-up {@code only_if} the elder
 * eats at home); the elder's bill shows their sum. A part's {@code only_if} does not count
 * as "unallocated": that money is allocated and then deliberately dropped (the elder pays it).
 */
final class FundingReader {

    static final List<String> KEYS = List.of("funder", "share", "share_fen", "only_if", HomeReader.HOME);

    private final ValueReader values;
    private final References refs;

    FundingReader(ValueReader values, References refs) {
        this.values = values;
        this.refs = refs;
    }

    /**
     * Reads the parts and, when {@code formula} is known, checks that they cover every fen the rule can grant.
     *
     * @return the parts, or empty if anything is wrong
     */
    Optional<List<FundingPart>> read(Node node, String path, Optional<SubsidyFormula> formula, OptionalLong cap) {
        int before = values.problems().total();
        List<Node> items = values.mappings(node, path);
        if (items.isEmpty() && values.problems().total() == before) {
            values.problems().add(node, path, "must name at least one funder");
        }
        List<FundingPart> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            part(items.get(i), ValueReader.item(path, i)).ifPresent(parts::add);
        }
        if (values.problems().total() > before) {
            return Optional.empty();
        }
        formula.ifPresent(fm -> checkCovers(parts, items, node, path, fm, cap));
        return values.problems().total() > before ? Optional.empty() : Optional.of(parts);
    }

    private Optional<FundingPart> part(Node node, String path) {
        int before = values.problems().total();
        Fields f = Fields.of(node, path, values.problems(), KEYS);
        Optional<String> funder = f.require("funder").flatMap(n -> values.text(n, f.path("funder"))
                .filter(code -> refs.funder(n, f.path("funder"), code, values.problems())));
        Locality onlyIf = HomeReader.read(f, "only_if", values);
        Optional<Share> share = Optional.empty();
        if (f.has("share") && f.has("share_fen")) {
            values.problems().add(f.get("share_fen").orElseThrow(), f.path("share_fen"), "give either share or share_fen, not both");
        } else if (f.has("share_fen")) {
            share = values.fen(f.get("share_fen").orElseThrow(), f.path("share_fen")).map(fen -> new Share(FundingPart.Kind.FIXED, fen, 0));
        } else if (f.has("share")) {
            Node n = f.get("share").orElseThrow();
            String p = f.path("share");
            share = values.text(n, p).flatMap(text -> {
                if (text.equals("rest")) {
                    return Optional.of(new Share(FundingPart.Kind.REST, 0, 0));
                }
                if (text.endsWith("%")) {
                    return values.basisPoints(n, p).map(bp -> new Share(FundingPart.Kind.PERCENT, 0, bp));
                }
                return values.yuan(n, p).map(fen -> new Share(FundingPart.Kind.FIXED, fen, 0));
            });
        } else if (f.isMapping()) {
            values.problems().add(node, path, "missing required key \"share\" (an amount such as 3, a percentage such as 50%, or rest)");
        }
        share.filter(Share::zero).ifPresent(s -> values.problems().add(node, path, "share must be more than zero (leave the funder out instead)"));
        if (values.problems().total() > before || funder.isEmpty() || share.isEmpty()) {
            return Optional.empty();
        }
        Share s = share.get();
        return Optional.of(new FundingPart(funder.get(), s.kind(), s.fixedFen(), s.basisPoints(), onlyIf));
    }

    /** A part's share before its funder is known. */
    private record Share(FundingPart.Kind kind, long fixedFen, int basisPoints) {
        boolean zero() {
            return kind != FundingPart.Kind.REST && fixedFen == 0 && basisPoints == 0;
        }
    }

    /** Reports funding that could leave part of the rule's subsidy unallocated (see the class comment). */
    private void checkCovers(List<FundingPart> parts, List<Node> partNodes, Node fundingNode, String path, SubsidyFormula formula,
            OptionalLong cap) {
        int restAt = -1;
        int percentTotal = 0;
        long fixedTotal = 0;
        boolean anyPercent = false;
        for (int i = 0; i < parts.size(); i++) {
            FundingPart p = parts.get(i);
            switch (p.kind()) {
                case REST -> {
                    if (restAt >= 0) {
                        values.problems().add(partNodes.get(i), ValueReader.item(path, i), "only one part may take the rest");
                    }
                    restAt = i;
                }
                case PERCENT -> {
                    anyPercent = true;
                    percentTotal += p.basisPoints();
                }
                case FIXED -> fixedTotal = Math.addExact(fixedTotal, p.fixedFen());
            }
        }
        if (restAt >= 0 && restAt != parts.size() - 1) {
            values.problems().add(partNodes.get(restAt), ValueReader.item(path, restAt),
                    "share: rest must be the last part: it takes what all the other parts leave, so list it last");
        }
        if (percentTotal > 10_000) {
            values.problems().add(fundingNode, path, "percent shares add up to " + percentTotal / 100 + "." + String.format(java.util.Locale.ROOT, "%02d", percentTotal % 100)
                    + "%, more than 100%");
        }
        if (restAt >= 0) {
            return;
        }
        if (anyPercent) {
            values.problems().add(fundingNode, path, "percent shares round down to whole fen, so the leftover fen would be "
                    + "unallocated: end the list with a part that has share: rest");
            return;
        }
        OptionalLong most = largestSubsidy(formula, cap);
        if (most.isEmpty()) {
            values.problems().add(fundingNode, path, "the rule's subsidy has no upper limit (a " + kind(formula)
                    + " formula without a cap), so fixed shares cannot cover it: end the list with share: rest, or give the rule a cap");
        } else if (fixedTotal < most.getAsLong()) {
            values.problems().add(fundingNode, path, "fixed shares add up to " + Money.ofFen(fixedTotal) + " but the rule can grant up to "
                    + Money.ofFen(most.getAsLong()) + ": " + Money.ofFen(most.getAsLong() - fixedTotal)
                    + " could be left unallocated; end the list with share: rest or raise the shares");
        }
    }

    /** The most the rule can grant for any price: its cap and/or its fixed amount. */
    static OptionalLong largestSubsidy(SubsidyFormula formula, OptionalLong cap) {
        OptionalLong byFormula = formula instanceof SubsidyFormula.Fixed fixed ? OptionalLong.of(fixed.fen()) : OptionalLong.empty();
        if (cap.isPresent() && byFormula.isPresent()) {
            return OptionalLong.of(Math.min(cap.getAsLong(), byFormula.getAsLong()));
        }
        return cap.isPresent() ? cap : byFormula;
    }

    private static String kind(SubsidyFormula formula) {
        return formula instanceof SubsidyFormula.Copay ? "copay" : "percent";
    }
}
