package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class RefusalMessagesTest {

    @Test
    void everyReasonHasAChineseAndAnEnglishMessage() {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT);
        ResourceBundle zh = ResourceBundle.getBundle("org.yishi.core.subsidy.refusals", Locale.SIMPLIFIED_CHINESE, noFallback);
        ResourceBundle en = ResourceBundle.getBundle("org.yishi.core.subsidy.refusals", Locale.ROOT, noFallback);
        for (RefusalReason reason : RefusalReason.values()) {
            String key = "refusal." + reason.name().toLowerCase(Locale.ROOT);
            assertThat(zh.getString(key)).as(key).isNotBlank().isNotEqualTo(en.getString(key));
            assertThat(en.getString(key)).as(key).isNotBlank();
        }
        assertThat(zh.getString("refusal.limit_reached")).contains("已用");
    }
}
