/**
 * Spoken prompts for elders at the counter ("刷卡成功，补贴九元，请付三元"): what to say ({@link
 * org.yishi.till.voice.VoicePrompt}, {@link org.yishi.till.voice.ClipScript}) kept apart from how it sounds
 * ({@link org.yishi.till.voice.Voice}: recorded clips through javax.sound.sampled, or silence where the till has
 * no sound device, as in CI).
 */
package org.yishi.till.voice;
