package io.tally.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyRequest;

/**
 * Opens the connection of one proxied request to an instance of its upstream: the next one in turn
 * ({@link UpstreamInstances#order()}); when an instance cannot be connected to (refused, not accepted in time: nothing
 * of the request was sent), it is taken out of the rotation and the next one is tried, until one accepts or none is
 * left. It remembers which instances a request tried, so a retry of the request ({@link ForwardingInterceptor}, for
 * requests that are safe to send twice) goes to one it has not tried.
 */
final class FailoverOrigin implements OriginRequestProvider {

    /** The context key of the path and query to ask for, before the instance's base path is put in front. */
    static final String PATH = "tally.upstream-path";
    private static final String TRIED = "tally.upstream-tried";
    private static final Logger LOG = Logger.getLogger(FailoverOrigin.class);

    /** The instances one request has tried, in order. */
    private static final class Tried {
        final List<UpstreamTarget> targets = new ArrayList<>();

        boolean contains(UpstreamTarget target) {
            return targets.stream().anyMatch(t -> t == target);
        }
    }

    private final UpstreamInstances instances;
    private final Duration connectTimeout;
    private final Duration idleTimeout;

    FailoverOrigin(UpstreamInstances instances, Duration connectTimeout, Duration idleTimeout) {
        this.instances = instances;
        this.connectTimeout = connectTimeout;
        this.idleTimeout = idleTimeout;
    }

    UpstreamInstances instances() {
        return instances;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        return connect(context, untried(context), 0, null);
    }

    /** Whether an instance is left that this request has not tried yet. */
    boolean hasUntried(ProxyContext context) {
        Tried tried = tried(context);
        return instances.targets().stream().anyMatch(target -> !tried.contains(target));
    }

    private Future<HttpClientRequest> connect(ProxyContext context, List<UpstreamTarget> candidates, int index,
            Throwable lastFailure) {
        if (index >= candidates.size()) {
            return Future.failedFuture(lastFailure != null
                    ? lastFailure
                    : new IllegalStateException("every instance of " + instances.upstream().serviceName()
                            + " was tried"));
        }
        UpstreamTarget target = candidates.get(index);
        tried(context).targets.add(target);
        ProxyRequest request = context.request();
        String path = context.get(PATH, String.class);
        String uri = target.forwardedUri(path != null ? path : request.getURI());
        return context.client().request(target.requestOptions(request.getMethod(), uri, connectTimeout, idleTimeout))
                .map(connection -> {
                    instances.connected(target);
                    request.setURI(uri);
                    return connection;
                })
                .recover(failure -> {
                    if (!UpstreamFailures.isUnconnected(failure)) {
                        return Future.failedFuture(failure);
                    }
                    instances.refused(target);
                    if (index + 1 < candidates.size()) {
                        LOG.infof("%s instance %s:%d could not be connected to (%s); trying the next one",
                                instances.upstream().serviceName(), target.host(), target.port(), failure);
                    }
                    return connect(context, candidates, index + 1, failure);
                });
    }

    private List<UpstreamTarget> untried(ProxyContext context) {
        Tried tried = tried(context);
        return instances.order().stream().filter(target -> !tried.contains(target)).toList();
    }

    private static Tried tried(ProxyContext context) {
        Tried tried = context.get(TRIED, Tried.class);
        if (tried == null) {
            tried = new Tried();
            context.set(TRIED, tried);
        }
        return tried;
    }
}
