package org.yishi.till.voice;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClipScriptTest {

    private final ClipScript script = new ClipScript();

    @Test
    void aQuoteIsSaidAsTheIssueWritesIt() {
        // "刷卡成功，补贴九元，请付三元"
        assertThat(script.clips(new VoicePrompt.Quoted(900, 300)))
                .containsExactly("card_ok", "subsidy", "d9", "yuan", "please_pay", "d3", "yuan");
    }

    @Test
    void noSubsidyAndNothingToPayAreSaidSo() {
        assertThat(script.clips(new VoicePrompt.Quoted(0, 1200)))
                .containsExactly("card_ok", "no_subsidy", "please_pay", "ten", "d2", "yuan");
        assertThat(script.clips(new VoicePrompt.Quoted(1200, 0)))
                .containsExactly("card_ok", "subsidy", "ten", "d2", "yuan", "nothing_to_pay");
    }

    @ParameterizedTest
    @CsvSource({
            "100, d1 yuan",
            "1000, ten yuan",
            "1250, ten d2 yuan d5 jiao",
            "305, d3 yuan d0 d5 fen",
            "50, d5 jiao",
            "7, d7 fen",
            "10500, d1 hundred d0 d5 yuan",
            "12000, d1 hundred d2 ten yuan",
            "200900, d2 thousand d0 d9 yuan",
            "111100, d1 thousand d1 hundred d1 ten d1 yuan",
    })
    void amountsAreReadTheChineseWay(long fen, String expected) {
        List<String> out = new ArrayList<>();
        script.amount(fen, out);
        assertThat(String.join(" ", out)).isEqualTo(expected);
    }

    @Test
    void refusalsStayVagueInPublic() {
        assertThat(script.clips(new VoicePrompt.CardLost())).containsExactly("card_lost");
        assertThat(script.clips(new VoicePrompt.SeeCounter())).containsExactly("see_counter");
        assertThat(script.clips(new VoicePrompt.LimitReached())).containsExactly("limit_reached", "see_counter");
    }

    @Test
    void everyClipTheScriptNamesIsShipped() {
        assertThat(ClipScript.ALL_CLIPS).allSatisfy(name ->
                assertThat(ClipVoice.class.getResource(name + ".wav")).as(name + ".wav").isNotNull());
        ClipVoice.Clips clips = ClipVoice.Clips.load();
        assertThat(clips.pcm()).containsOnlyKeys(ClipScript.ALL_CLIPS);
        assertThat(clips.pcm().values()).allSatisfy(pcm -> assertThat(pcm.length).isGreaterThan(1000));
    }

    @Test
    void negativeAmountsAreRefused() {
        assertThatThrownBy(() -> new VoicePrompt.Quoted(-1, 0)).hasMessageContaining("negative");
    }
}
