package org.yishi.cli.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.yishi.core.journal.JournalFormat;
import org.yishi.sync.protocol.Acknowledgement;
import org.yishi.sync.protocol.MalformedMessageException;
import org.yishi.sync.protocol.ServerSignatures;
import org.yishi.sync.protocol.SyncJson;

/**
 * The settlement server's signed acknowledgement as an outside anchor for {@code journal verify --anchor FILE}: the
 * server said it holds every record of the till up to {@code seq}, the last with {@code hash}. Its worth is the
 * server's signature — the till's holder can edit its own database but cannot sign for the server — so an
 * acknowledgement is used only once it verifies against the server key the auditor names.
 */
final class AcknowledgementAnchor {

    /** What reading an acknowledgement file came to. */
    sealed interface Outcome {
    }

    /** A signed acknowledgement: the journal must hold {@code seq} with {@code hash}. */
    record Anchored(Acknowledgement acknowledgement) implements Outcome {
    }

    /** Signed, but for seq 0: the server held nothing of the till yet, so it anchors nothing. */
    record NothingAcknowledged(Acknowledgement acknowledgement) implements Outcome {
    }

    /** Not usable as an anchor, and why (a message key of the journal bundle, and its arguments). */
    record Refused(String messageKey, Object... arguments) implements Outcome {
    }

    private AcknowledgementAnchor() {
    }

    /** Reads and checks the acknowledgement in {@code file} against {@code serverKeyBase64}. */
    static Outcome read(Path file, String serverKeyBase64) {
        PublicKey serverKey;
        try {
            serverKey = JournalFormat.decodePublicKey(serverKeyBase64);
        } catch (IllegalArgumentException e) {
            return new Refused("journal.ack.badKey", e.getMessage());
        }
        Acknowledgement ack;
        try {
            ack = new SyncJson().read(Files.readString(file, StandardCharsets.UTF_8), Acknowledgement.class);
        } catch (IOException e) {
            return new Refused("journal.ack.unreadable", file, e.getMessage());
        } catch (MalformedMessageException e) {
            return new Refused("journal.ack.malformed", file, e.getMessage());
        }
        if (!ServerSignatures.isSigned(ack, serverKey)) {
            return new Refused("journal.ack.unsigned", file, ack.keyId(), JournalFormat.keyIdOf(serverKey));
        }
        if (ack.seq() == 0) {
            return new NothingAcknowledged(ack);
        }
        return new Anchored(ack);
    }
}
