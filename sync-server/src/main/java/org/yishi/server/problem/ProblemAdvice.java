package org.yishi.server.problem;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.yishi.sync.protocol.MalformedMessageException;
import org.yishi.sync.protocol.ProblemType;

/**
 * Requests that cannot be read at all — not JSON, the wrong shape, too large — as problem details with the
 * protocol's types. (Refusals of well-formed requests are returned by the controllers themselves.)
 */
@RestControllerAdvice
public class ProblemAdvice {

    @ExceptionHandler(MalformedMessageException.class)
    ResponseEntity<Object> malformed(MalformedMessageException e) {
        return Problems.answer(ProblemType.MALFORMED, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        return Problems.answer(ProblemType.MALFORMED, "the body cannot be read: " + firstLine(e.getMostSpecificCause().getMessage()));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Object> badParameter(Exception e) {
        return Problems.answer(ProblemType.MALFORMED, firstLine(e.getMessage()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e) {
        return Problems.answer(ProblemType.TOO_LARGE, "the upload is larger than this server takes", Map.of());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
