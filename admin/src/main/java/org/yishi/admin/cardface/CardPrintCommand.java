package org.yishi.admin.cardface;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.yishi.admin.qr.ElderCardTokens;
import org.yishi.admin.qr.ElderTokenIssuing;
import org.yishi.admin.qr.IssueOptions;
import org.yishi.cli.Messages;
import org.yishi.config.registry.ElderRecord;
import org.yishi.core.elder.NameMask;
import org.yishi.receipts.preview.CjkFontChooser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi card print}: an elder's card face (ID-1, 300 dpi) with a QR token bound to the card, as a PDF at
 * the exact card size or a PNG. The resident ID appears masked to its last 4 characters.
 */
@Command(name = "print", description = "Print an elder's card face (85.6 x 54 mm, 300 dpi) with a signed QR code, as PDF or PNG.")
final class CardPrintCommand implements Callable<Integer> {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParentCommand
    private CardCommand card;

    @Mixin
    private IssueOptions issue;

    @Option(names = "--out", required = true, description = "Output file, .pdf or .png.")
    private Path out;

    @Override
    public Integer call() {
        Messages m = card.messages();
        var err = card.root.err();
        String lowerName = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean pdf = lowerName.endsWith(".pdf");
        if (!pdf && !lowerName.endsWith(".png")) {
            err.println(m.get("card.print.format", out));
            return 2;
        }
        Clock clock = Clock.system(SHANGHAI);
        Optional<ElderCardTokens.Issued> issued = new ElderTokenIssuing(card.root.language(), err, clock).issue(issue);
        if (issued.isEmpty()) {
            return 1;
        }
        CardFaceText text = faceText(m, issued.get(), LocalDate.now(clock));
        Optional<Font> font = CjkFontChooser.installed().choose(text.allText());
        if (font.isEmpty()) {
            err.println(m.get("card.print.nofont"));
            return 1;
        }
        BufferedImage face = new CardFaceRenderer(font.get()).render(text);
        try {
            writeReplacing(face, pdf);
        } catch (IOException | RuntimeException e) {
            err.println(m.get("card.print.failed", out, e.getMessage()));
            return 1;
        }
        ElderRecord elder = issued.get().elder();
        card.root.out().println(m.get("card.print.done", out, elder.elderId(), NameMask.mask(elder.name()),
                issued.get().card().last4(), issue.days()));
        return 0;
    }

    private static CardFaceText faceText(Messages m, ElderCardTokens.Issued issued, LocalDate today) {
        ElderRecord e = issued.elder();
        return new CardFaceText(m.get("card.face.title"), m.get("card.face.name"), e.name(), m.get("card.face.id"),
                // ResidentId.toString() is the masked form: the only way the number reaches the card.
                e.residentId().toString(), m.get("card.face.district"),
                DistrictNames.load().nameOf(e.registeredDistrict()), m.get("card.face.card"),
                "**** " + issued.card().last4(), m.get("card.face.issued"), today.toString(),
                m.get("card.face.hotline"), issued.token());
    }

    /** Written beside the target and moved into place, so a failed run leaves no half-written card. */
    private void writeReplacing(BufferedImage face, boolean pdf) throws IOException {
        Path target = out.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), ".card-", ".tmp");
        try {
            try (OutputStream stream = Files.newOutputStream(temp)) {
                if (pdf) {
                    CardPdf.write(face, stream);
                } else if (!ImageIO.write(face, "png", stream)) {
                    throw new IOException("no PNG writer available");
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
