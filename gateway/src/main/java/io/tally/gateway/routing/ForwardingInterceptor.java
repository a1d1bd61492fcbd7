package io.tally.gateway.routing;

import java.time.Duration;
import java.util.Set;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.tally.support.http.RequestIds;
import io.tally.support.problem.Problem;
import io.tally.support.problem.ProblemResponses;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Prepares each proxied request (path, forwarding headers, request id, trace context), sends it again to another instance of the
 * upstream when that is safe, and turns upstream failures into problems.
 * <p>
 * A request is sent to another instance when the one tried could not be connected to (nothing was sent:
 * {@link FailoverOrigin}), whatever its method; and, for a request without a body whose method is safe ({@code GET},
 * {@code HEAD}, {@code OPTIONS}), also when the instance failed after it was sent (closed the connection, answered
 * something that is not HTTP). Never after a timeout (the instance may still be working on it), and never a request that
 * may change state once it has reached an instance: a collector event or a new campaign is not sent twice by the gateway.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);
    private static final String REQUEST_ID = "tally.request-id";
    /** What a 503 suggests: a restarting service is usually back within seconds. */
    private static final String RETRY_AFTER_SECONDS = "5";

    /** Requests that change nothing, so sending one again after a failure is harmless (RFC 9110 9.2.1). */
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Upstream upstream;
    private final FailoverOrigin origin;
    private final String fixedUri;
    private final ProblemResponses problems;
    private final Duration timeout;

    /**
     * @param fixedUri the path and query to ask the upstream for whatever was requested, or {@code null} to forward the
     *        request's own path and query
     */
    ForwardingInterceptor(FailoverOrigin origin, String fixedUri, ProblemResponses problems, Duration timeout) {
        this.upstream = origin.instances().upstream();
        this.origin = origin;
        this.fixedUri = fixedUri;
        this.problems = problems;
        this.timeout = timeout;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        String requestId = RequestIds.of(incoming);
        context.set(REQUEST_ID, requestId);

        // the instance's base path goes in front when the connection is made (FailoverOrigin)
        context.set(FailoverOrigin.PATH, fixedUri != null ? fixedUri : pathAndQuery(incoming));
        MultiMap headers = request.headers();
        // headers the caller named in Connection are hop-by-hop too (RFC 9110 7.6.1); Vert.x drops only the fixed set
        String connection = incoming.getHeader(HttpHeaders.CONNECTION);
        if (connection != null) {
            for (String name : connection.split(",")) {
                if (!name.isBlank()) {
                    headers.remove(name.trim());
                }
            }
        }
        headers.set(RequestIds.HEADER, requestId);
        if (Span.current().getSpanContext().isValid()) {
            // tracing is on: the gateway's span continues the caller's trace, and the client adds a traceparent naming
            // it when it sends; the caller's own headers must not stay beside that one (the service would read the
            // first and skip the gateway). With tracing off they pass through unchanged.
            headers.remove(TRACEPARENT);
            headers.remove(TRACESTATE);
        }
        SocketAddress remote = incoming.remoteAddress();
        if (remote != null && remote.hostAddress() != null) {
            String prior = headers.get(X_FORWARDED_FOR);
            String client = remote.hostAddress();
            headers.set(X_FORWARDED_FOR, prior == null || prior.isBlank() ? client : prior + ", " + client);
        }
        headers.set(X_FORWARDED_PROTO, incoming.scheme());
        HostAndPort authority = incoming.authority();
        if (authority != null) {
            headers.set(X_FORWARDED_HOST,
                    authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host());
        }

        boolean resendable = SAFE.contains(incoming.method()) && withoutBody(incoming);
        if (resendable) {
            // nothing to stream, so the request can be sent more than once; let the incoming request end
            ReadStream<Buffer> body = request.getBody().stream();
            request.setBody(null);
            body.resume();
        }
        return send(context, requestId, resendable);
    }

    private Future<ProxyResponse> send(ProxyContext context, String requestId, boolean resendable) {
        return context.sendRequest().recover(failure -> {
            if (resendable && !UpstreamFailures.isTimeout(failure) && origin.hasUntried(context)) {
                HttpServerRequest incoming = context.request().proxiedRequest();
                LOG.infof("%s %s -> %s failed [%s]: %s; sending it to another instance", incoming.method(),
                        incoming.path(), upstream.serviceName(), requestId, failure);
                return send(context, requestId, true);
            }
            return Future.succeededFuture(problemResponse(context, requestId, failure));
        });
    }

    /** Whether the request declares no body: no {@code Transfer-Encoding}, and no or a zero {@code Content-Length}. */
    private static boolean withoutBody(HttpServerRequest incoming) {
        String length = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
        return incoming.getHeader(HttpHeaders.TRANSFER_ENCODING) == null
                && (length == null || length.trim().equals("0"));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        context.response().putHeader(RequestIds.HEADER, context.get(REQUEST_ID, String.class));
        return context.sendResponse();
    }

    private ProxyResponse problemResponse(ProxyContext context, String requestId, Throwable failure) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        String service = upstream.serviceName();
        LOG.warnf("%s %s -> %s failed [%s]: %s", incoming.method(), incoming.path(), service, requestId, failure);

        ProxyResponse response = context.request().release().response();
        Buffer body;
        if (UpstreamFailures.isTimeout(failure)) {
            response.setStatusCode(504);
            body = problems.body("gateway-timeout", "Gateway timeout", 504, "The " + service
                    + " service did not answer within " + UpstreamFailures.humanize(timeout), incoming.path());
        } else if (UpstreamFailures.isRefused(failure)) {
            response.setStatusCode(503).putHeader("Retry-After", RETRY_AFTER_SECONDS);
            body = problems.body("service-unavailable", "Service unavailable", 503,
                    "The " + service + " service is not running; retry later", incoming.path());
        } else {
            response.setStatusCode(502);
            body = problems.body("bad-gateway", "Bad gateway", 502,
                    "The " + service + " service closed the connection or answered something that is not HTTP",
                    incoming.path());
        }
        return response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).setBody(Body.body(body));
    }

    private static String pathAndQuery(HttpServerRequest incoming) {
        String query = incoming.query();
        return query == null ? incoming.path() : incoming.path() + "?" + query;
    }
}
