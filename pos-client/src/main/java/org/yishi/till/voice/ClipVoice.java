package org.yishi.till.voice;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Plays prompts from the shipped WAV clips with {@code javax.sound.sampled}, one prompt after another on its own
 * daemon thread. A newer prompt does not cut an older one off (the elder would hear half an amount); prompts
 * come one per customer, so the queue stays short.
 *
 * <p>All clips share one format (espeak-ng: 22,050 Hz, 16-bit mono), so a prompt is one line opened once and
 * its clips written back to back with no gap. Without a sound device {@link #open()} gives the silent voice.
 */
public final class ClipVoice implements Voice, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ClipVoice.class.getName());

    private final ClipScript script = new ClipScript();
    private final Map<String, byte[]> pcm;
    private final AudioFormat format;
    private final ExecutorService player;

    private ClipVoice(Map<String, byte[]> pcm, AudioFormat format) {
        this.pcm = Map.copyOf(pcm);
        this.format = format;
        this.player = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "voice-prompts");
            t.setDaemon(true);
            return t;
        });
    }

    /** The clip voice when this machine can play sound, otherwise {@link Voice#silent()}. */
    public static Voice open() {
        Clips clips;
        try {
            clips = Clips.load();
        } catch (RuntimeException broken) {
            // A damaged install loses its voice, not its till.
            LOG.log(System.Logger.Level.WARNING, "voice prompts are off: " + broken.getMessage());
            return Voice.silent();
        }
        DataLine.Info info = new DataLine.Info(SourceDataLine.class, clips.format());
        if (!AudioSystem.isLineSupported(info)) {
            LOG.log(System.Logger.Level.INFO, "no sound device: voice prompts are off");
            return Voice.silent();
        }
        return new ClipVoice(clips.pcm(), clips.format());
    }

    @Override
    public void say(VoicePrompt prompt) {
        List<String> names = script.clips(Objects.requireNonNull(prompt, "prompt"));
        try {
            player.execute(() -> play(names));
        } catch (RejectedExecutionException closed) {
            // Closing down: an unsaid prompt is fine.
        }
    }

    private void play(List<String> names) {
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            for (String name : names) {
                byte[] data = pcm.get(name);
                line.write(data, 0, data.length);
            }
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException busy) {
            LOG.log(System.Logger.Level.WARNING, "voice prompt not played: " + busy.getMessage());
        }
    }

    @Override
    public void close() {
        player.shutdownNow();
    }

    /** The shipped clips, decoded to raw PCM. */
    record Clips(Map<String, byte[]> pcm, AudioFormat format) {

        static Clips load() {
            Map<String, byte[]> pcm = new HashMap<>();
            AudioFormat format = null;
            for (String name : ClipScript.ALL_CLIPS) {
                try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(resource(name)))) {
                    if (format == null) {
                        format = in.getFormat();
                    } else if (!format.matches(in.getFormat())) {
                        throw new IllegalStateException("voice clip " + name + ".wav is " + in.getFormat()
                                + " but the others are " + format + ": re-make them with scripts/make-voice-clips.sh");
                    }
                    pcm.put(name, in.readAllBytes());
                } catch (IOException | UnsupportedAudioFileException e) {
                    throw new IllegalStateException("voice clip " + name + ".wav cannot be read: " + e.getMessage(), e);
                }
            }
            return new Clips(pcm, format);
        }

        private static InputStream resource(String name) {
            return Optional.ofNullable(ClipVoice.class.getResourceAsStream(name + ".wav"))
                    .orElseThrow(() -> new UncheckedIOException(new IOException(
                            "voice clip " + name + ".wav is missing from the jar (org/yishi/till/voice/)")));
        }
    }
}
