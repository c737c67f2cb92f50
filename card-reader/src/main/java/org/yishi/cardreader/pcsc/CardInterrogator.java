package org.yishi.cardreader.pcsc;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.yishi.cardreader.uid.UidFormat;

/**
 * Reads who a presented card says it is: its UID through the PC/SC pseudo-APDU GET DATA ({@code FF CA 00 00}),
 * and, when configured, the elder number from the canteen application's file.
 */
final class CardInterrogator {

    private static final int SW_OK = 0x9000;
    /** Le = 256 is encoded as 00: "as many bytes as the UID has". Without Le the JDK sends a case 1 APDU. */
    private static final CommandAPDU GET_UID = new CommandAPDU(0xFF, 0xCA, 0x00, 0x00, 256);
    private static final Pattern ELDER_NO = Pattern.compile("[0-9A-Za-z-]{1,32}");

    private final PcscSettings settings;
    private final UidFormat uidFormat;

    CardInterrogator(PcscSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.uidFormat = new UidFormat(UidFormat.Encoding.HEX, settings.uidReversed(), 0);
    }

    /** Connects, reads and lets go of the card; never throws for anything the card or reader does. */
    CardReadout read(CardTerminal terminal) {
        Card card;
        try {
            card = terminal.connect("*");
        } catch (CardException | RuntimeException e) {
            return new CardReadout.Failed(PcscFailure.of(e));
        }
        try {
            return interrogate(card.getBasicChannel());
        } catch (CardException | RuntimeException e) {
            return new CardReadout.Failed(PcscFailure.of(e));
        } finally {
            disconnectQuietly(card);
        }
    }

    private CardReadout interrogate(CardChannel channel) throws CardException {
        ResponseAPDU response = channel.transmit(GET_UID);
        if (response.getSW() != SW_OK) {
            return new CardReadout.Unsupported("SW=" + statusWord(response));
        }
        String uid;
        try {
            uid = uidFormat.canonical(HexFormat.of().formatHex(response.getData()));
        } catch (IllegalArgumentException e) {
            return new CardReadout.Unsupported("UID: " + e.getMessage());
        }
        if (settings.elderFile().isEmpty()) {
            return new CardReadout.Identified(uid, null);
        }
        return new CardReadout.Identified(uid, readElderNo(channel, settings.elderFile().get()));
    }

    /**
     * The elder number, or null when the card has no canteen application (most do not): a plain card is still
     * identified by its UID, so a missing file is not an error.
     */
    private static String readElderNo(CardChannel channel, ElderFileSpec spec) throws CardException {
        ResponseAPDU selected = channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, spec.aid()));
        if (selected.getSW() != SW_OK) {
            return null;
        }
        ResponseAPDU file = channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, spec.maxLength()));
        if (file.getSW() != SW_OK) {
            return null;
        }
        String text = new String(file.getData(), StandardCharsets.US_ASCII).strip();
        // Padding bytes or garbage are not an elder number; the UID still identifies the card.
        return ELDER_NO.matcher(text).matches() ? text : null;
    }

    private static String statusWord(ResponseAPDU response) {
        return String.format("%02X%02X", response.getSW1(), response.getSW2());
    }

    private static void disconnectQuietly(Card card) {
        try {
            card.disconnect(false);
        } catch (CardException | RuntimeException ignored) {
            // The card is usually gone already; the next presence check reports what matters.
        }
    }
}
