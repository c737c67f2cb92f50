package org.yishi.server.problem;

import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.yishi.sync.protocol.ProblemType;

/**
 * RFC 9457 answers with the protocol's stable types ({@link ProblemType}): the one way the server refuses. Clients
 * decide on {@code type}; {@code detail} is for people.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail detail(ProblemType type, String detail, Map<String, Object> members) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        p.setType(type.uri());
        p.setTitle(type.slug());
        members.forEach(p::setProperty);
        return p;
    }

    public static <T> ResponseEntity<T> answer(ProblemType type, String detail) {
        return answer(type, detail, Map.of());
    }

    @SuppressWarnings("unchecked")
    public static <T> ResponseEntity<T> answer(ProblemType type, String detail, Map<String, Object> members) {
        return (ResponseEntity<T>) ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(type, detail, members));
    }
}
