package org.yishi.till.voice;

/**
 * What the till tells the elder out loud. Refusals are deliberately vague in public ("请到柜台咨询"): the
 * cashier's screen says why, the queue does not hear it.
 */
public sealed interface VoicePrompt {

    /** Identified and quoted: "刷卡成功，补贴九元，请付三元". */
    record Quoted(long subsidyFen, long toPayFen) implements VoicePrompt {
        public Quoted {
            if (subsidyFen < 0 || toPayFen < 0) {
                throw new IllegalArgumentException("amounts to speak must not be negative: subsidy " + subsidyFen
                        + " fen, to pay " + toPayFen + " fen");
            }
        }
    }

    /** "此卡已挂失，请到柜台咨询". */
    record CardLost() implements VoicePrompt { }

    /** Any other refusal: "请到柜台咨询". */
    record SeeCounter() implements VoicePrompt { }

    /** "今日补贴已用". */
    record LimitReached() implements VoicePrompt { }

    /** After payment: "谢谢，祝您用餐愉快". */
    record Thanks() implements VoicePrompt { }

    /** "请您评价本次服务". */
    record PleaseRate() implements VoicePrompt { }
}
