package org.yishi.server.registry;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.yishi.server.common.AuditLog;
import org.yishi.server.problem.Problems;
import org.yishi.sync.protocol.ProblemType;

/**
 * {@code POST /api/v1/registry/import}: multipart, one part per registry CSV file named {@code canteens},
 * {@code elders}, {@code cards}, {@code menu}, {@code staff} (any subset); {@code ?mode=delta} (default) or
 * {@code full}. Answers the import report (refused rows with file:line [column]: reason).
 */
@RestController
public class RegistryController {

    private static final java.util.Set<String> PARTS = java.util.Set.of("canteens", "elders", "cards", "menu", "staff");
    private final RegistryImporter importer;
    private final AuditLog audit;

    public RegistryController(RegistryImporter importer, AuditLog audit) {
        this.importer = importer;
        this.audit = audit;
    }

    @PostMapping("/api/v1/registry/import")
    public ResponseEntity<Object> importRegistry(MultipartHttpServletRequest request,
            @RequestParam(name = "mode", defaultValue = "delta") String mode, Principal who) throws IOException {
        if (!mode.equals("delta") && !mode.equals("full")) {
            return Problems.answer(ProblemType.MALFORMED, "mode is delta or full, not \"" + mode + "\"");
        }
        for (String name : request.getFileMap().keySet()) {
            if (!PARTS.contains(name)) {
                return Problems.answer(ProblemType.MALFORMED, "unknown part \"" + name + "\": parts are " + new java.util.TreeSet<>(PARTS));
            }
        }
        if (request.getFileMap().isEmpty()) {
            return Problems.answer(ProblemType.MALFORMED, "no registry file in the request: send parts named " + new java.util.TreeSet<>(PARTS));
        }
        ImportReport report;
        try {
            report = importer.importRegistry(new RegistryImporter.Parts() {
                @Override
                public InputStream open(String part) throws IOException {
                    return request.getFile(part).getInputStream();
                }

                @Override
                public boolean has(String part) {
                    return request.getFile(part) != null;
                }
            }, mode.equals("full"));
        } catch (RegistryImporter.UnreadableFile e) {
            return Problems.answer(ProblemType.INVALID, e.getMessage() + " (nothing was imported)");
        }
        audit.record(who.getName(), "registry_import", mode, "parts " + request.getFileMap().keySet() + ", change " + report.change());
        return ResponseEntity.ok(report);
    }
}
