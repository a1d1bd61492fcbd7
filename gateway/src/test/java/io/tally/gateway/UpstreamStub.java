package io.tally.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A stand-in for one upstream service in the test JVM: records what reaches it and answers as told. */
public final class UpstreamStub {

    /** What reached the stub. Header names are lower case. */
    public record Received(String method, String uri, Map<String, List<String>> headers, String body) {

        /** The first value of a header, or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** What the stub answers to API calls. */
    public record Reply(int status, Map<String, String> headers, String body) {
    }

    private final String name;
    private final int port;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile Reply reply;
    private volatile int readyStatus = 200;
    private volatile CountDownLatch hang;
    private HttpServer server;
    private java.net.ServerSocket garbage;

    private UpstreamStub(String name) {
        this.name = name;
        listen(0);
        this.port = server.getAddress().getPort();
        reset();
    }

    /** Starts a stub named {@code name} on a free port. */
    public static UpstreamStub start(String name) {
        return new UpstreamStub(name);
    }

    /** The base URL the gateway is configured with. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Forgets what it received and answers 200 again, promptly. */
    public void reset() {
        received.clear();
        readyStatus = 200;
        release();
        reply = new Reply(200, Map.of("Content-Type", "application/json", "X-Stub", name),
                "{\"stub\":\"" + name + "\"}");
    }

    /** Everything that reached the stub except readiness probes, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Answers API calls with {@code reply} from now on. */
    public void replyWith(Reply reply) {
        this.reply = reply;
    }

    /** Answers its own readiness endpoint with {@code status} from now on. */
    public void readyStatus(int status) {
        this.readyStatus = status;
    }

    /** Holds API calls without answering until {@link #release()}. */
    public void hang() {
        hang = new CountDownLatch(1);
    }

    /** Lets held calls (and later ones) answer. */
    public void release() {
        CountDownLatch latch = hang;
        hang = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Stops listening, so connections to its port are refused. */
    public synchronized void stop() {
        server.stop(0);
    }

    /** Listens on its port again after {@link #stop()} or {@link #speakGarbage()}. */
    public synchronized void restart() {
        closeGarbage();
        listen(port);
    }

    /** Stops answering HTTP: accepts connections on its port, writes a line that is not HTTP and hangs up. */
    public synchronized void speakGarbage() {
        server.stop(0);
        try {
            garbage = new java.net.ServerSocket();
            garbage.setReuseAddress(true);
            garbage.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.net.ServerSocket socket = garbage;
        executor.execute(() -> {
            while (!socket.isClosed()) {
                try (java.net.Socket client = socket.accept()) {
                    client.setSoTimeout(5_000);
                    client.getOutputStream().write("this is not HTTP\r\n\r\n".getBytes());
                    // let the gateway hang up first, so the port is not left in TIME_WAIT for restart() to bind
                    client.getInputStream().readAllBytes();
                } catch (IOException e) {
                    // closed by restart()
                }
            }
        });
    }

    private void closeGarbage() {
        if (garbage != null) {
            try {
                garbage.close();
            } catch (IOException e) {
                // already closed
            }
            garbage = null;
        }
    }

    /** Stops for good. */
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }

    private void listen(int onPort) {
        // the port may be held a moment by connections of speakGarbage() still closing: retry for a while
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
                break;
            } catch (java.net.BindException e) {
                if (System.nanoTime() > deadline) {
                    throw new UncheckedIOException(e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/q/health/ready")) {
                respond(exchange, readyStatus, Map.of("Content-Type", "application/json"), "{\"status\":\"?\"}");
                return;
            }
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    lowerCase(exchange), read(exchange.getRequestBody())));
            if (path.equals("/q/openapi")) {
                respond(exchange, 200, Map.of("Content-Type", "application/json"), GatewayFixtures.document(name));
                return;
            }
            CountDownLatch latch = hang;
            if (latch != null && !latch.await(30, TimeUnit.SECONDS)) {
                return;
            }
            Reply current = reply;
            respond(exchange, current.status(), current.headers(), current.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, List<String>> lowerCase(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), List.copyOf(values)));
        return headers;
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((key, value) -> exchange.getResponseHeaders().add(key, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
