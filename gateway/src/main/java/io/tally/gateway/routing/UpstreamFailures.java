package io.tally.gateway.routing;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;

/** Tells apart the ways talking to an upstream can fail. */
public final class UpstreamFailures {

    private UpstreamFailures() {
    }

    /** Whether {@code failure} (or a cause) is a connect or response timeout rather than a refusal or reset. */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code failure} (or a cause) is a refused connection: nothing listens where the service should be. */
    public static boolean isRefused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException && !(t instanceof ConnectTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} (or a cause) means no connection to the instance was made: refused, not accepted within the
     * connect timeout, or its host unknown or unreachable. Nothing of the request was sent then, so it is safe to send it
     * to another instance, whatever its method.
     */
    public static boolean isUnconnected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // ConnectException covers refused connections and Netty's ConnectTimeoutException
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /** A duration as people write it: {@code 30s}, {@code 1500ms}. */
    public static String humanize(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
