package org.yishi.till.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import org.yishi.cardreader.qr.CardStatusLookup;
import org.yishi.cardreader.qr.QrImages;
import org.yishi.cardreader.qr.QrTokenVerifier;
import org.yishi.cardreader.qr.QrVerdict;
import org.yishi.cardreader.qr.TrustedKeysFile;
import org.yishi.config.registry.RegistryDirectory;
import org.yishi.core.elder.NameMask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi qr verify}: decodes a QR image (or takes the scanned text) and verifies it as a till would. Exit
 * status 0 accepted, 1 refused or no QR code in the image, 2 usage (including an unreadable keys file or image).
 */
@Command(name = "verify", description = "Verify an elder QR code from an image or its text. Exit 0 accepted, 1 refused or no code found, 2 usage.")
final class QrVerifyCommand implements Callable<Integer> {

    /** As a till: issuer and till clocks may disagree by this much. */
    static final Duration SKEW = Duration.ofMinutes(2);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @ParentCommand
    private QrCommand qr;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Image with the QR code (PNG, JPEG, a camera photo).")
    private Path image;

    @Option(names = "--payload", description = "The scanned text instead of an image.")
    private String payload;

    @Option(names = "--keys", required = true, description = "Trusted keys file: one keyId=base64 line per key.")
    private Path keys;

    @Option(names = "--registry", description = "Registry CSV directory: also refuse lost/revoked cards and cards of another elder.")
    private Path registry;

    @Override
    public Integer call() {
        CliMessages m = qr.root.messages();
        var out = qr.root.out();
        var err = qr.root.err();
        if ((image == null) == (payload == null)) {
            err.println(m.get("qr.verify.oneinput"));
            return 2;
        }
        Map<String, PublicKey> trusted;
        try {
            trusted = TrustedKeysFile.read(keys);
        } catch (IOException e) {
            err.println(m.get("qr.keys.unreadable", keys, e.getClass().getSimpleName() + ": " + e.getMessage()));
            return 2;
        } catch (IllegalArgumentException e) {
            err.println(m.get("qr.keys.unreadable", keys, e.getMessage()));
            return 2;
        }
        Optional<RegistryDirectory> cards;
        try {
            cards = Optional.ofNullable(registry).map(RegistryDirectory::new);
        } catch (IllegalArgumentException e) {
            err.println(m.get("qr.registry.missing", registry.toAbsolutePath(), e.getMessage()));
            return 2;
        }
        String text;
        if (payload != null) {
            text = payload;
        } else {
            try {
                Optional<String> decoded = QrImages.decode(image);
                if (decoded.isEmpty()) {
                    out.println(m.get("qr.verify.nocode", image));
                    return 1;
                }
                text = decoded.get();
            } catch (IOException e) {
                err.println(m.get("qr.image.unreadable", image, e.getMessage()));
                return 2;
            }
        }
        QrTokenVerifier verifier = new QrTokenVerifier(trusted, Clock.system(SHANGHAI), SKEW,
                cards.<CardStatusLookup>map(r -> r::find).orElse(CardStatusLookup.none()));
        QrVerdict verdict = verifier.verify(text);
        if (verdict instanceof QrVerdict.Accepted a) {
            String elder = a.elderId().orElse(m.get("qr.verify.noelder"));
            String name = cards.flatMap(r -> a.elderId().flatMap(id -> r.elder(id).first()))
                    .map(e -> " " + NameMask.mask(e.name())).orElse("");
            String card = a.cardUid().map(u -> "…" + u.substring(u.length() - 4)).orElse(m.get("qr.verify.nocard"));
            out.println(m.get("qr.verify.accepted", elder + name, card,
                    WHEN.format(a.expiresAt().atZone(SHANGHAI)), a.keyId()));
            if (cards.isEmpty()) {
                out.println(m.get("qr.verify.nostatus"));
            }
            return 0;
        }
        QrVerdict.Refused r = (QrVerdict.Refused) verdict;
        ResourceBundle words = ResourceBundle.getBundle("org.yishi.cardreader.qr.refusals",
                m.get("locale").equals("en") ? Locale.ROOT : Locale.SIMPLIFIED_CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        out.println(m.get("qr.verify.refused", r.reason().name(),
                words.getString("refusal." + r.reason().name().toLowerCase(Locale.ROOT))));
        out.println(m.get("qr.verify.detail", r.detail()));
        return 1;
    }
}
