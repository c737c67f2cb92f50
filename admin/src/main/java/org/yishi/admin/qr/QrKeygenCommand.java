package org.yishi.admin.qr;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.yishi.cardreader.qr.IssuingKeyFile;
import org.yishi.cli.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi qr keygen}: a new Ed25519 issuing key pair. The private key stays with the administrator (it is
 * never printed); the public key line goes into every till's trusted keys.
 */
@Command(name = "keygen", description = "Make an Ed25519 QR issuing key pair: DIR/qr-issuing-ID.key (private, mode 600) and .pub (for tills).")
final class QrKeygenCommand implements Callable<Integer> {

    @ParentCommand
    private QrCommand qr;

    @Option(names = "--out", required = true, description = "Directory for the key files (created if missing).")
    private Path out;

    @Option(names = "--key-id", description = "Key id tills know the key by (1-16 of A-Z a-z 0-9 - _). Default: k<year>.")
    private String keyId;

    @Override
    public Integer call() {
        Messages m = qr.messages();
        String id = keyId != null ? keyId : "k" + LocalDate.now(Clock.system(ZoneId.of("Asia/Shanghai"))).getYear();
        if (!IssuingKeyFile.validKeyId(id)) {
            qr.root.err().println(m.get("qr.key.badid", id));
            return 2;
        }
        try {
            IssuingKeyFile.Written written = IssuingKeyFile.generate(out, id);
            qr.root.out().println(m.get("qr.keygen.done", id, written.privateKeyFile(), written.publicKeyFile()));
            qr.root.out().println(written.publicKeyLine());
            return 0;
        } catch (FileAlreadyExistsException e) {
            qr.root.err().println(m.get("qr.keygen.exists", e.getFile()));
            return 1;
        } catch (IOException e) {
            qr.root.err().println(m.get("qr.keygen.failed", out, e.getMessage()));
            return 1;
        }
    }
}
