package org.yishi.admin.qr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.yishi.cardreader.qr.QrImages;
import org.yishi.cli.Messages;
import org.yishi.core.elder.NameMask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code yishi qr issue}: a PNG of a signed QR token for an elder, bound to their active card. */
@Command(name = "issue", description = "Issue a signed QR code for an elder's active card and write it as a PNG.")
final class QrIssueCommand implements Callable<Integer> {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParentCommand
    private QrCommand qr;

    @Mixin
    private IssueOptions issue;

    @Option(names = "--out", required = true, description = "PNG file to write.")
    private Path out;

    @Option(names = "--size", defaultValue = "400", description = "Image size in pixels (100-4000). Default: ${DEFAULT-VALUE}.")
    private int size;

    @Override
    public Integer call() {
        Messages m = qr.messages();
        if (size < 100 || size > 4000) {
            qr.root.err().println(m.get("qr.issue.size", size));
            return 2;
        }
        Optional<ElderCardTokens.Issued> issued = new ElderTokenIssuing(qr.root.language(), qr.root.err(), Clock.system(SHANGHAI))
                .issue(issue);
        if (issued.isEmpty()) {
            return 1;
        }
        ElderCardTokens.Issued token = issued.get();
        try {
            QrImages.write(token.token(), out, size);
        } catch (IOException | RuntimeException e) {
            qr.root.err().println(m.get("qr.write.failed", out, e.getMessage()));
            return 1;
        }
        qr.root.out().println(m.get("qr.issue.done", out, token.elder().elderId(), NameMask.mask(token.elder().name()),
                token.card().last4(), issue.days(), token.token().length()));
        return 0;
    }
}
