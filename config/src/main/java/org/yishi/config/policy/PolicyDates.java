package org.yishi.config.policy;

import java.time.LocalDate;
import java.util.Optional;
import org.yishi.config.yaml.Fields;
import org.yishi.config.yaml.ValueReader;

/**
 * The policy's effective period, against which a rule's own dates are checked: a rule cannot start before or
 * end after the policy it belongs to (that would suggest a wrong year typed), and cannot end before it starts.
 */
record PolicyDates(ValueReader values, Optional<LocalDate> from, Optional<LocalDate> to) {

    void checkWithin(Fields f, Optional<LocalDate> ruleFrom, Optional<LocalDate> ruleTo, String what) {
        if (ruleFrom.isPresent() && ruleTo.isPresent() && ruleTo.get().isBefore(ruleFrom.get())) {
            values.problems().add(f.get("effective_to").orElseThrow(), f.path("effective_to"),
                    "effective_to " + ruleTo.get() + " is before effective_from " + ruleFrom.get());
        }
        if (ruleFrom.isPresent() && from.isPresent() && ruleFrom.get().isBefore(from.get())) {
            values.problems().add(f.get("effective_from").orElseThrow(), f.path("effective_from"),
                    what + " starts " + ruleFrom.get() + ", before the policy (" + from.get() + ")");
        }
        if (ruleTo.isPresent() && to.isPresent() && ruleTo.get().isAfter(to.get())) {
            values.problems().add(f.get("effective_to").orElseThrow(), f.path("effective_to"),
                    what + " ends " + ruleTo.get() + ", after the policy (" + to.get() + ")");
        }
    }
}
