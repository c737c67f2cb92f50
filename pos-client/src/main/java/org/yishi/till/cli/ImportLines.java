package org.yishi.till.cli;

import java.io.PrintWriter;
import org.yishi.config.registry.RegistryManifest;
import org.yishi.till.store.registry.ImportReport;
import org.yishi.till.store.registry.RegistryEffect;
import org.yishi.till.store.registry.RowRejection;

/**
 * How the command line reports an import: one line per file, then its refused rows (the first
 * {@value #SHOWN_REJECTIONS}), so that whoever installs a till sees which elders and cards were blocked and why.
 */
final class ImportLines {

    static final int SHOWN_REJECTIONS = 20;

    private final CliMessages m;

    ImportLines(CliMessages messages) {
        this.m = messages;
    }

    /** Whether the export said full or delta, or the default applied. */
    String export(Object where, RegistryManifest manifest) {
        return m.get("import.export", where, m.get("import.mode." + manifest.mode().code()),
                m.get(manifest.declared() ? "import.declared" : "import.defaulted"));
    }

    void print(PrintWriter out, ImportReport r) {
        if (r.registry().isEmpty()) {
            out.println(m.get("demo.import", r.source(), r.accepted(), r.rejected(), r.elapsed().toMillis()));
        } else {
            RegistryEffect e = r.registry().get();
            out.println(m.get("import.registry", r.source(), r.accepted(), r.rejected(), m.get("import.mode." + e.mode().code()),
                    e.blocked(), e.removed(), r.elapsed().toMillis()));
            if (e.mayHaveKeptStaleRecords()) {
                out.println(m.get("import.unidentified", e.unidentified()));
            }
        }
        int shown = 0;
        for (RowRejection rejection : r.rejections()) {
            if (shown++ == SHOWN_REJECTIONS) {
                break;
            }
            out.println(m.get(rejection.key().isEmpty() ? "import.rejection" : "import.rejectionOf", r.source(), rejection.line(),
                    rejection.problem(), rejection.key()));
        }
        if (r.rejected() > SHOWN_REJECTIONS) {
            out.println(m.get("import.moreRejections", r.rejected() - SHOWN_REJECTIONS));
        }
    }
}
