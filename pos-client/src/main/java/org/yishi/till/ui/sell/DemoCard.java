package org.yishi.till.ui.sell;

import java.util.Objects;

/**
 * One button of the simulated card panel: a card UID to "tap" or a QR payload to "scan".
 *
 * @param id    stable button id suffix, e.g. {@code lost} → button id {@code sim-lost}
 * @param label what the button says (masked name and what the card demonstrates)
 * @param kind  tap a card or scan a QR
 * @param value the card UID (canonical hex) or the QR payload
 */
public record DemoCard(String id, String label, Kind kind, String value) {

    public enum Kind { CARD, QR }

    public DemoCard {
        Objects.requireNonNull(kind, "kind");
        if (id == null || !id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a demo card id is lower-case letters, digits and '-', not " + id);
        }
        if (label == null || label.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("demo card " + id + " needs a label and a value");
        }
    }
}
