package org.yishi.core.journal;

import java.util.Map;
import java.util.Set;

/**
 * SATISFACTION: an elder's rating of a meal, from a sampled survey (Guilin settles only at ≥ 90% satisfaction).
 *
 * @param saleSeq    seq of the SALE rated; each sale is rated at most once
 * @param rating     1 (very dissatisfied) to 5 (very satisfied)
 * @param surveyedBy staff id of who asked, null when the elder rated on the customer display
 */
public record SatisfactionPayload(long saleSeq, int rating, String surveyedBy) implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("saleSeq", "rating", "surveyedBy");

    public SatisfactionPayload {
        Checks.positive("saleSeq", saleSeq);
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1 to 5, found " + rating);
        }
        Checks.optionalText("surveyedBy", surveyedBy);
    }

    @Override
    public RecordType type() {
        return RecordType.SATISFACTION;
    }

    @Override
    public Map<String, Object> toPayload() {
        return PayloadFields.payload("saleSeq", saleSeq, "rating", (long) rating, "surveyedBy", surveyedBy);
    }

    static SatisfactionPayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS);
        long rating = f.integer("rating");
        if (rating < 1 || rating > 5) {
            throw f.error("rating", "must be 1 to 5, found " + rating);
        }
        return new SatisfactionPayload(f.integer("saleSeq"), (int) rating, f.optionalText("surveyedBy"));
    }
}
