package io.voyager.gateway.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of request handling into {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final RejectionListener rejections;

    ProblemMappers(RejectionListener rejections) {
        this.rejections = rejections;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Response.ResponseBuilder response = respond(e.toProblem(), request);
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        if (e.challenge() != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, e.challenge());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return respond(ProblemType.NOT_FOUND, "No resource at " + request.path(), request)
                .build();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpServerRequest request) {
        return respond(ProblemType.METHOD_NOT_ALLOWED, request.method() + " is not allowed here", request)
                .header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW))
                .build();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpServerRequest request) {
        return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json", request)
                .build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, HttpServerRequest request) {
        return respond(ProblemType.NOT_ACCEPTABLE, "Accept application/json or application/problem+json", request)
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            default -> status < 500 ? ProblemType.BAD_REQUEST : ProblemType.INTERNAL_ERROR;
        };
        return respond(type, type.title(), request).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        // Only the exception type: messages of unknown exceptions may echo input.
        LOG.errorf("Unexpected %s handling %s %s", e.getClass().getName(), request.method(), request.path());
        return respond(ProblemType.INTERNAL_ERROR, "Unexpected error", request).build();
    }

    private Response.ResponseBuilder respond(ProblemType type, String detail, HttpServerRequest request) {
        return respond(new Problem(type.uri(), type.title(), type.status(), detail, null, null), request);
    }

    private Response.ResponseBuilder respond(Problem problem, HttpServerRequest request) {
        rejections.answered(request.path(), problem.status());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
