package org.yishi.till.voice;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a prompt into the clip names to play in order, reading amounts the Chinese way:
 * 900 fen → 九元, 1250 fen → 十二元五角, 305 fen → 三元零五分, 12000 fen → 一百二十元.
 * Clip names are the WAV files under {@code org/yishi/till/voice/} (see scripts/make-voice-clips.sh).
 */
public final class ClipScript {

    /** Every clip a script can name; the tests check each has a WAV. */
    public static final List<String> ALL_CLIPS = List.of("card_ok", "subsidy", "please_pay", "nothing_to_pay", "yuan",
            "jiao", "fen", "ten", "hundred", "thousand", "d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9",
            "card_lost", "see_counter", "limit_reached", "no_subsidy", "thanks", "please_rate");

    /** Amounts of ¥10,000 and more are read as digits would be pointless to an elder: the clip says "see counter". */
    static final long LARGEST_SPOKEN_FEN = 999_999;

    public List<String> clips(VoicePrompt prompt) {
        List<String> out = new ArrayList<>();
        if (prompt instanceof VoicePrompt.Quoted q) {
            out.add("card_ok");
            if (q.subsidyFen() > 0) {
                out.add("subsidy");
                amount(q.subsidyFen(), out);
            } else {
                out.add("no_subsidy");
            }
            if (q.toPayFen() > 0) {
                out.add("please_pay");
                amount(q.toPayFen(), out);
            } else {
                out.add("nothing_to_pay");
            }
        } else if (prompt instanceof VoicePrompt.CardLost) {
            out.add("card_lost");
        } else if (prompt instanceof VoicePrompt.SeeCounter) {
            out.add("see_counter");
        } else if (prompt instanceof VoicePrompt.LimitReached) {
            out.add("limit_reached");
            out.add("see_counter");
        } else if (prompt instanceof VoicePrompt.Thanks) {
            out.add("thanks");
        } else if (prompt instanceof VoicePrompt.PleaseRate) {
            out.add("please_rate");
        }
        return List.copyOf(out);
    }

    /** Appends the spoken form of a positive amount in fen. */
    void amount(long fen, List<String> out) {
        if (fen > LARGEST_SPOKEN_FEN) {
            out.add("see_counter");
            return;
        }
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        if (yuan > 0) {
            integer((int) yuan, out);
            out.add("yuan");
        }
        if (jiao > 0) {
            out.add("d" + jiao);
            out.add("jiao");
        } else if (cents > 0 && yuan > 0) {
            out.add("d0");
        }
        if (cents > 0) {
            out.add("d" + cents);
            out.add("fen");
        }
    }

    /** 1..9999 in Chinese: 十二 (not 一十二) for 10–19, zeros collapsed (一百零五), no trailing zero. */
    void integer(int n, List<String> out) {
        int thousands = n / 1000;
        int hundreds = n / 100 % 10;
        int tens = n / 10 % 10;
        int ones = n % 10;
        boolean zeroPending = false;
        boolean started = false;
        if (thousands > 0) {
            out.add("d" + thousands);
            out.add("thousand");
            started = true;
        }
        if (hundreds > 0) {
            out.add("d" + hundreds);
            out.add("hundred");
            started = true;
        } else if (started) {
            zeroPending = true;
        }
        if (tens > 0) {
            if (zeroPending) {
                out.add("d0");
                zeroPending = false;
            }
            if (!(tens == 1 && !started)) {
                out.add("d" + tens);
            }
            out.add("ten");
            started = true;
        } else if (started) {
            zeroPending = true;
        }
        if (ones > 0) {
            if (zeroPending) {
                out.add("d0");
            }
            out.add("d" + ones);
        }
    }
}
