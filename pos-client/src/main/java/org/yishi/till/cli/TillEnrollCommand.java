package org.yishi.till.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.yishi.till.sync.Enroller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi till enroll --server URL --code CODE --dir DIR [--till-id ID]}: makes a new till in DIR from the one-time
 * enrolment code an administrator created for it (docs/sync-protocol.md, "Enrolment"). Exit 0 enrolled and the
 * snapshot installed, 1 refused (in words), 2 wrong usage.
 */
@Command(name = "enroll", description = "Make a new till in DIR, enrolled with the settlement server: journal key registered, "
        + "API token stored owner-only, the server key pinned, till.yaml written, the full snapshot installed.")
final class TillEnrollCommand implements Callable<Integer> {

    @ParentCommand
    private TillCommand parent;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The settlement server, e.g. https://yishi.example.gov.cn")
    private URI server;

    @Option(names = "--code", required = true, paramLabel = "CODE", description = "The one-time enrolment code from the administrator.")
    private String code;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "A new directory for the till.")
    private Path dir;

    @Option(names = "--till-id", paramLabel = "ID", description = "The till id the code was made for. Default: the name of DIR.")
    private String tillId;

    @Override
    public Integer call() {
        YishiCommand root = parent.root();
        CliMessages m = root.messages();
        String id = tillId != null ? tillId : dir.toAbsolutePath().normalize().getFileName().toString();
        Enroller.Outcome outcome = new Enroller(Clock.system(ZoneId.of("Asia/Shanghai"))).enroll(server, code, dir, id);
        if (outcome instanceof Enroller.Outcome.Enrolled e) {
            root.out().println(m.get("till.enroll.done", e.tillId(), e.canteenId(), e.policyId(), e.change(), e.config()));
            return 0;
        }
        root.err().println(m.get("till.enroll.refused", id, ((Enroller.Outcome.Refused) outcome).why()));
        return 1;
    }
}
