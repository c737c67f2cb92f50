package org.yishi.till.ui.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class UiTextTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = UiText.class.getResourceAsStream("/org/yishi/till/ui/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void chineseIsTheDefaultAndEnglishIsSwitchable() {
        UiText text = UiText.forLanguage(null);
        assertThat(text.get("rating.good")).isEqualTo("满意");
        assertThat(text.get("customer.pay", "¥3.00")).isEqualTo("请付 ¥3.00");
        var binding = text.bind("rating.good");
        text.toggle();
        assertThat(text.locale()).isEqualTo(Locale.ROOT);
        assertThat(binding.get()).isEqualTo("Satisfied");
        assertThat(UiText.forLanguage("en-GB").get("rating.bad")).isEqualTo("Unsatisfied");
    }

    @Test
    void aMissingKeyShowsItselfInsteadOfCrashingTheTill() {
        assertThat(UiText.forLanguage("zh").get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void moneyIsShownAndReadInWholeFen() {
        assertThat(Money.yuan(1250)).isEqualTo("¥12.50");
        assertThat(Money.yuan(5)).isEqualTo("¥0.05");
        assertThat(Money.yuan(-300)).isEqualTo("-¥3.00");
        assertThat(Money.parseFen("20")).isEqualTo(2000);
        assertThat(Money.parseFen("20.5")).isEqualTo(2050);
        assertThat(Money.parseFen("¥0.05")).isEqualTo(5);
        assertThat(Money.parseFen("20.555")).isEqualTo(-1);
        assertThat(Money.parseFen("abc")).isEqualTo(-1);
        assertThat(Money.parseFen("")).isEqualTo(-1);
    }

    @Test
    void theFontChoiceFallsBackWithAWarningWhenNothingShowsChinese() {
        FontChoice none = FontChoice.from(new org.yishi.receipts.preview.CjkFontChooser(java.util.List.of("NoSuchFont")));
        assertThat(none.family()).isEmpty();
        assertThat(none.warning()).get().asString().contains("fonts-wqy-microhei");
        assertThat(none.css()).isEmpty();
        FontChoice here = FontChoice.installed();
        // This machine has fonts-wqy-microhei (the CI installs it): a family is chosen and put first in the CSS.
        assertThat(here.family()).isPresent();
        assertThat(here.css()).contains(here.family().get());
    }
}
