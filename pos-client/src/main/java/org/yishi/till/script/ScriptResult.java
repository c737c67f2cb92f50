package org.yishi.till.script;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.Quote;

/**
 * One output line of a till script: {@code line}, {@code do}, {@code ok} (carried out), {@code state}, and the
 * members that apply. Built fluently by the runner; written as canonical JSON (members sorted).
 */
final class ScriptResult {

    private final Map<String, Object> members = new LinkedHashMap<>();
    private final boolean carriedOut;

    private ScriptResult(ScriptLine line, boolean carriedOut, String state) {
        this.carriedOut = carriedOut;
        members.put("line", (long) line.number());
        members.put("do", line.action());
        members.put("ok", carriedOut);
        members.put("state", Objects.requireNonNull(state, "state"));
    }

    /** The line was carried out; {@code state} is where the till is now (a refusal is carried out too). */
    static ScriptResult done(ScriptLine line, String state) {
        return new ScriptResult(line, true, state);
    }

    /** The line could not be carried out (nothing to confirm, an unknown receipt ...): {@code error} says why. */
    static ScriptResult failed(ScriptLine line, String error) {
        return new ScriptResult(line, false, "error").with("error", error);
    }

    boolean carriedOut() {
        return carriedOut;
    }

    ScriptResult with(String name, Object value) {
        if (value != null) {
            members.put(name, value instanceof Integer i ? (Long) (long) i : value);
        }
        return this;
    }

    /** The bill's amounts: price, subsidy, copay, per-funder shares, the refusal's code if the subsidy was refused. */
    ScriptResult quote(Quote q) {
        with("price_fen", q.priceFen()).with("subsidy_fen", q.subsidyFen()).with("copay_fen", q.copayFen());
        Map<String, Object> funders = new LinkedHashMap<>();
        for (FunderShare share : q.funderShares()) {
            funders.put(share.funder(), share.fen());
        }
        with("funders", funders);
        q.refusal().ifPresent(r -> with("reason", r.reason().name().toLowerCase(java.util.Locale.ROOT)));
        if (!q.appliedRules().isEmpty()) {
            with("rule", q.appliedRules().get(0).ruleId());
        }
        if (q.mealsLeftToday().isPresent()) {
            with("meals_left", (long) q.mealsLeftToday().getAsInt());
        }
        return this;
    }

    Map<String, Object> toJson() {
        return members;
    }
}
