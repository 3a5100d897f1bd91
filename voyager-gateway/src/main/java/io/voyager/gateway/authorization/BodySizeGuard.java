package io.voyager.gateway.authorization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.voyager.gateway.problem.Problem;
import io.voyager.gateway.problem.ProblemType;
import io.voyager.gateway.problem.RejectionListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an authorization whose declared Content-Length is over the limit before reading a byte
 * of it, with a 413 problem. Chunked bodies are measured by {@link AuthorizationRequestParser};
 * {@code quarkus.http.limits.max-body-size} is the transport's hard ceiling above both.
 */
@ApplicationScoped
public class BodySizeGuard {

    void install(@Observes Router router, AuthorizationConfig config, ObjectMapper json, RejectionListener rejections)
            throws JsonProcessingException {
        int limit = config.maxBodyBytes();
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        String problem = json.writeValueAsString(new Problem(
                type.uri(), type.title(), type.status(), "The body exceeds " + limit + " bytes", null, null));
        router.route(HttpMethod.POST, AuthorizationResource.PATH).order(-10).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, limit)) {
                rejections.answered(AuthorizationResource.PATH, type.status());
                ctx.response()
                        .setStatusCode(type.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem);
                return;
            }
            ctx.next();
        });
    }

    private static boolean exceeds(String contentLength, int limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return false; // Vert.x itself rejects a malformed Content-Length.
        }
    }
}
