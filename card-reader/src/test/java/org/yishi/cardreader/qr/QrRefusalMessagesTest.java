package org.yishi.cardreader.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QrRefusalMessagesTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT);

    @Test
    void everyRefusalHasItsOwnWordsInChineseAndEnglish() {
        ResourceBundle zh = ResourceBundle.getBundle("org.yishi.cardreader.qr.refusals", Locale.SIMPLIFIED_CHINESE,
                NO_FALLBACK);
        ResourceBundle en = ResourceBundle.getBundle("org.yishi.cardreader.qr.refusals", Locale.ROOT, NO_FALLBACK);
        Set<String> zhTexts = new HashSet<>();
        Set<String> enTexts = new HashSet<>();
        for (QrRefusal refusal : QrRefusal.values()) {
            String key = "refusal." + refusal.name().toLowerCase(Locale.ROOT);
            assertThat(zh.getString(key)).as(key).containsPattern("\\p{IsHan}");
            assertThat(en.getString(key)).as(key).doesNotContainPattern("\\p{IsHan}");
            zhTexts.add(zh.getString(key));
            enTexts.add(en.getString(key));
        }
        assertThat(zhTexts).hasSize(QrRefusal.values().length);
        assertThat(enTexts).hasSize(QrRefusal.values().length);
        assertThat(zh.keySet()).hasSize(QrRefusal.values().length);
    }
}
