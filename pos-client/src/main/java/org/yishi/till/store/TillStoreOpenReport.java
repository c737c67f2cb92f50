package org.yishi.till.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yishi.till.store.ledger.MirrorRecovery;

/**
 * What opening the till store found and did. Show it to staff when anything in it is not routine.
 *
 * @param mirror                  how the journal mirror was brought up to date (torn tail, records replayed)
 * @param uncleanShutdown         the last run did not close the store (crash, kill, power cut): mirror and sales index
 *                                were written again from the journal
 * @param importInterrupted       a registry import was cut off by that: the registry cache was emptied
 * @param databaseRebuilt         H2 could not be opened: its files were moved aside and a new database was built from the
 *                                journal file
 * @param quarantinedTo           where the damaged database files went
 * @param rebuildReason           the failure that caused the rebuild
 * @param registryImportNeeded    the registry cache is empty, or older than the journal's last registry update:
 *                                import elders.csv and cards.csv before serving
 * @param policyImportNeeded      no policy is installed, or one the journal names is missing: install the policy file
 * @param menuImportNeeded        no canteen is known: import canteens.csv and menu.csv
 * @param cacheProblems           where the cache disagrees with what the journal says was loaded (a registry snapshot,
 *                                a policy version): each says what to import again
 */
public record TillStoreOpenReport(MirrorRecovery mirror, boolean uncleanShutdown, boolean importInterrupted,
        boolean databaseRebuilt, Optional<Path> quarantinedTo, Optional<String> rebuildReason, boolean registryImportNeeded,
        boolean policyImportNeeded, boolean menuImportNeeded, List<String> cacheProblems) {

    public TillStoreOpenReport {
        Objects.requireNonNull(mirror, "mirror");
        Objects.requireNonNull(quarantinedTo, "quarantinedTo");
        Objects.requireNonNull(rebuildReason, "rebuildReason");
        cacheProblems = List.copyOf(cacheProblems);
    }

    /** Whether the till can serve as it is (nothing to import). */
    public boolean readyToServe() {
        return !registryImportNeeded && !policyImportNeeded && !menuImportNeeded;
    }

    /** A few lines for the log and the supervisor screen. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("journal: last seq ").append(mirror.journalLastSeq()).append(", database had ").append(mirror.mirroredBefore())
                .append(", replayed ").append(mirror.replayed())
                .append(mirror.resumedFromSeq() > 0 ? ", resumed from the checkpoint at seq " + mirror.resumedFromSeq() : ", checked from seq 1")
                .append('\n');
        mirror.journalNotes().forEach(n -> sb.append("journal recovery: ").append(n).append('\n'));
        if (uncleanShutdown) {
            sb.append("the last run did not shut down cleanly: journal mirror and sales index written again from the journal\n");
        }
        if (importInterrupted) {
            sb.append("a registry import was cut off: the registry cache was emptied\n");
        }
        if (mirror.salesIndexRebuilt()) {
            sb.append("sales index disagreed with the journal mirror and was rebuilt from it\n");
        }
        if (databaseRebuilt) {
            sb.append("DATABASE REBUILT from the journal: ").append(rebuildReason.orElse("")).append("; damaged files moved to ")
                    .append(quarantinedTo.map(Path::toString).orElse("?")).append('\n');
        }
        cacheProblems.forEach(p -> sb.append("cache behind the journal: ").append(p).append('\n'));
        if (registryImportNeeded) {
            sb.append("registry cache is empty: import elders.csv and cards.csv (需要重新导入长者名册)\n");
        }
        if (policyImportNeeded) {
            sb.append("no subsidy policy installed: install the policy file (需要安装补贴政策)\n");
        }
        if (menuImportNeeded) {
            sb.append("no canteen/menu: import canteens.csv and menu.csv (需要导入食堂与菜单)\n");
        }
        return sb.toString();
    }
}
