package org.yishi.config.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The words allowed for an enumerated key, in the order messages should list them. */
final class Choices {

    private Choices() {
    }

    @SuppressWarnings("unchecked")
    static <T> Map<String, T> of(Object... wordsAndValues) {
        Map<String, T> m = new LinkedHashMap<>();
        for (int i = 0; i < wordsAndValues.length; i += 2) {
            m.put((String) wordsAndValues[i], (T) wordsAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
