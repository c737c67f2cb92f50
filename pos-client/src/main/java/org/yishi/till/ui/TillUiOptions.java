package org.yishi.till.ui;

import org.yishi.till.ui.sell.DemoCard;
import org.yishi.till.ui.shell.Theme;
import org.yishi.till.ui.shell.UiText;
import org.yishi.till.voice.Voice;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How the till's windows are set up around a running till.
 *
 * @param text           the UI's words (language switchable)
 * @param theme          look and font
 * @param voice          spoken prompts (silent without a sound device)
 * @param clock          the till's clock (idle lock, status bar)
 * @param demoCards      buttons of the simulated card panel; empty when real readers are configured
 * @param screenReceipts where the on-screen receipt preview subscribes to printed bytes, when there is no printer
 * @param customerWindow whether to open the customer display window
 */
public record TillUiOptions(UiText text, Theme theme, Voice voice, Clock clock, List<DemoCard> demoCards,
        Optional<Consumer<Consumer<byte[]>>> screenReceipts, boolean customerWindow) {

    public TillUiOptions {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(clock, "clock");
        demoCards = List.copyOf(demoCards);
        Objects.requireNonNull(screenReceipts, "screenReceipts");
    }
}
