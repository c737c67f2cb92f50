package org.yishi.server.download;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.server.problem.Problems;
import org.yishi.sync.protocol.ProblemType;
import org.yishi.sync.protocol.ServerSignatures;
import org.yishi.sync.protocol.SyncHeaders;
import org.yishi.sync.protocol.SyncPaths;

/**
 * What a till installs (docs/sync-protocol.md, "Down"): {@code GET /api/v1/sync/snapshot} (everything) and
 * {@code GET /api/v1/sync/changes?since=N} (every change after N), each a zip in the registry-export layout, signed by
 * the server over its SHA-256. The zip is written to a temporary file first: the signature is a header, sent before
 * the body, and a registry of millions of elders is never held in memory.
 */
@RestController
public class DownloadController {

    private final ExportWriter exports;
    private final ServerSignatures.Signer signer;

    public DownloadController(ExportWriter exports, ServerSignatures.Signer signer) {
        this.exports = exports;
        this.signer = signer;
    }

    @GetMapping(SyncPaths.SNAPSHOT)
    public ResponseEntity<Object> snapshot(Principal till, HttpServletResponse response) throws IOException {
        return send(tillId(till), 0, "snapshot", response);
    }

    @GetMapping(SyncPaths.CHANGES)
    public ResponseEntity<Object> changes(@RequestParam("since") long since, Principal till, HttpServletResponse response)
            throws IOException {
        if (since < 0) {
            return Problems.answer(ProblemType.MALFORMED, "since must not be negative");
        }
        return send(tillId(till), since, "changes", response);
    }

    private ResponseEntity<Object> send(String tillId, long since, String kind, HttpServletResponse response) throws IOException {
        ExportWriter.Export export = exports.write(tillId, since);
        try {
            if (export == null) {
                return Problems.answer(ProblemType.NOT_FOUND, "no till " + tillId);
            }
            if (kind.equals("changes") && export.rows() == 0) {
                response.setHeader(SyncHeaders.CHANGE, Long.toString(export.change()));
                return ResponseEntity.noContent().header(SyncHeaders.CHANGE, Long.toString(export.change()))
                        .header(SyncHeaders.MORE, "false").build();
            }
            response.setStatus(200);
            response.setContentType("application/zip");
            response.setContentLengthLong(Files.size(export.file()));
            response.setHeader(SyncHeaders.CHANGE, Long.toString(export.change()));
            response.setHeader(SyncHeaders.MORE, "false");
            response.setHeader(SyncHeaders.BODY_SHA256, export.sha256());
            response.setHeader(SyncHeaders.KEY_ID, signer.keyId());
            response.setHeader(SyncHeaders.SIGNATURE, signer.signDownload(kind, tillId, export.sha256(), export.change()));
            try (InputStream in = Files.newInputStream(export.file())) {
                in.transferTo(response.getOutputStream());
            }
            return null;
        } finally {
            if (export != null) {
                Files.deleteIfExists(export.file());
            }
        }
    }

    static String tillId(Principal till) {
        return till.getName().substring("till:".length());
    }

    /** Where exports are written while they are sent. */
    static Path temp() throws IOException {
        return Files.createTempFile("yishi-export-", ".zip");
    }
}
