package org.yishi.till.voice;

/**
 * Says a prompt to the elder. Never blocks the caller (the FX thread) and never throws: a till without speakers
 * sells exactly like one with them.
 */
public interface Voice {

    void say(VoicePrompt prompt);

    /** A voice that says nothing (no sound device, or the canteen turned prompts off). */
    static Voice silent() {
        return prompt -> { };
    }
}
