package org.yishi.server.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.yishi.server.problem.Problems;
import org.yishi.sync.protocol.ProblemType;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem detail from a filter, where no controller advice runs. */
@Component
public class ProblemWriter {

    private final JsonMapper json = JsonMapper.builder().build();

    public void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        ProblemDetail p = Problems.detail(type, detail, Map.of());
        response.setStatus(type.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", p.getType().toString());
        body.put("title", p.getTitle());
        body.put("status", p.getStatus());
        body.put("detail", p.getDetail());
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
