package org.yishi.till.ui.sell;

import java.util.Objects;

/**
 * One button of the simulated card panel: a card UID to "tap" or a QR payload to "scan".
 *
 * @param id    stable button id suffix, e.g. {@code lost} → button id {@code sim-lost}
 * @param labelKey the UI bundle key of what the card demonstrates (e.g. {@code sim.lost}); the button follows the
 *                 language
 * @param suffix   shown after it in every language, e.g. the card's last digits ({@code " ·1234"}), or empty
 * @param kind  tap a card or scan a QR
 * @param value the card UID (canonical hex) or the QR payload
 */
public record DemoCard(String id, String labelKey, String suffix, Kind kind, String value) {

    public enum Kind { CARD, QR }

    public DemoCard {
        Objects.requireNonNull(kind, "kind");
        if (id == null || !id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a demo card id is lower-case letters, digits and '-', not " + id);
        }
        if (labelKey == null || labelKey.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("demo card " + id + " needs a label key and a value");
        }
        suffix = suffix == null ? "" : suffix;
    }
}
