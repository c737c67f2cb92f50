package org.yishi.server.download;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.ibatis.cursor.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.server.common.ChangeCounter;
import org.yishi.server.policy.PolicyLibrary;
import org.yishi.server.policy.PolicyMapper;
import org.yishi.server.registry.RegistryMapper;
import org.yishi.server.registry.StoredRows;
import org.yishi.server.till.TillMapper;

/**
 * Writes a till's download: the registry rows, the canteen's menu, the staff, the canteen's policy versions and the
 * calendars they name that changed after {@code since}, up to the current change number, as a zip in the
 * registry-export layout the till installs (docs/sync-protocol.md, "Zip layout"). One read-only transaction: the rows
 * are one consistent state, and rows are streamed from the database into the zip, never collected.
 */
@Service
public class ExportWriter {

    /** A written download: the file, its SHA-256, the change it brings the till to, and how many rows it holds. */
    public record Export(Path file, String sha256, long change, long rows) {
    }

    private final RegistryMapper registry;
    private final TillMapper tills;
    private final PolicyLibrary policies;
    private final ChangeCounter changes;

    public ExportWriter(RegistryMapper registry, TillMapper tills, PolicyLibrary policies, ChangeCounter changes) {
        this.registry = registry;
        this.tills = tills;
        this.policies = policies;
        this.changes = changes;
    }

    /** @return the export, or null when there is no such till */
    @Transactional(readOnly = true)
    public Export write(String tillId, long since) throws IOException {
        TillMapper.TillRow till = tills.find(tillId);
        if (till == null) {
            return null;
        }
        long upTo = changes.current();
        Path file = DownloadController.temp();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long rows = 0;
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                DigestOutputStream digest = new DigestOutputStream(raw, sha);
                ZipOutputStream zip = new ZipOutputStream(digest, StandardCharsets.UTF_8)) {
            Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            entry(zip, text, "manifest.csv", "mode,change\n" + (since == 0 ? "full" : "delta") + "," + upTo + "\n");
            rows += rows(zip, text, RegistryFormat.CANTEENS, registry.canteensSince(since, upTo));
            try (Cursor<RegistryMapper.ElderDownloadRow> elders = registry.eldersSince(since, upTo)) {
                rows += tillElders(zip, text, elders);
            }
            try (Cursor<RegistryMapper.StoredRow> cards = registry.cardsSince(since, upTo)) {
                rows += rows(zip, text, RegistryFormat.CARDS, cards);
            }
            rows += rows(zip, text, RegistryFormat.MENU, registry.menuSince(till.canteenId(), since, upTo));
            // The till replaces its staff list from staff.csv: sent whole, whenever any of it changed.
            Long staffChange = registry.lastStaffChange(upTo);
            if (staffChange != null && staffChange > since) {
                rows += rows(zip, text, RegistryFormat.STAFF, registry.allStaff());
            }
            String district = registry.canteenDistrict(till.canteenId());
            boolean anyPolicy = false;
            for (PolicyMapper.PolicyRow p : policies.versionsFor(district == null ? "" : district)) {
                if (p.changeNo() > since && p.changeNo() <= upTo) {
                    entry(zip, text, "policies/" + p.policyId() + "-" + p.version() + ".yaml", p.yamlText());
                    rows++;
                    anyPolicy = true;
                }
            }
            for (PolicyMapper.CalendarRow c : policies.calendarRows()) {
                // With a policy every year goes along (the till loads the policy with the calendars beside it); alone,
                // only the years that changed.
                if (since == 0 || anyPolicy || (c.changeNo() > since && c.changeNo() <= upTo)) {
                    entry(zip, text, "calendars/" + c.calendarId() + "-" + c.calendarYear() + ".yaml", c.yamlText());
                    rows++;
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Export(file, HexFormat.of().formatHex(sha.digest()), upTo, rows);
    }

    private static void entry(ZipOutputStream zip, Writer text, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        text.write(content);
        text.flush();
        zip.closeEntry();
    }

    /**
     * The elders as till-elders.csv: resident ID and phone cut to their last 4 on the server, so no full number reaches a
     * till's disk. A row stored before the server kept the till's row is derived from the registry's row here.
     */
    private static long tillElders(ZipOutputStream zip, Writer text, Iterable<RegistryMapper.ElderDownloadRow> rows) throws IOException {
        zip.putNextEntry(new ZipEntry(RegistryFormat.TILL_ELDERS.fileName()));
        text.write(StoredRows.header(RegistryFormat.TILL_ELDERS));
        text.write('\n');
        long n = 0;
        for (RegistryMapper.ElderDownloadRow r : rows) {
            text.write(r.tillRow() != null ? r.tillRow()
                    : StoredRows.canonical(RegistryFormat.TILL_ELDERS, StoredRows.parse(RegistryFormat.ELDERS, r.registryRow()).toTillElder()));
            text.write('\n');
            n++;
        }
        text.flush();
        zip.closeEntry();
        return n;
    }

    private static long rows(ZipOutputStream zip, Writer text, RegistryFormat<?> format, Iterable<RegistryMapper.StoredRow> rows)
            throws IOException {
        zip.putNextEntry(new ZipEntry(format.fileName()));
        text.write(StoredRows.header(format));
        text.write('\n');
        long n = 0;
        for (RegistryMapper.StoredRow r : rows) {
            text.write(r.csvRow());
            text.write('\n');
            n++;
        }
        text.flush();
        zip.closeEntry();
        return n;
    }
}
