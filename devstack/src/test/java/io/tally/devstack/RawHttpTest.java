package io.tally.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** The raw client reads answers as a server sends them: chunk sizes in bytes, bodies in UTF-8. */
class RawHttpTest {

    @Test
    void aChunkedBodyWithCharactersOfSeveralBytesIsReadWhole() throws Exception {
        String body = "{\"reason\": \"cut…\", \"raw\": \"a\uFFFDb €\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int half = bytes.length / 2;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (Socket client = server.accept()) {
                    // the request: read up to the blank line
                    StringBuilder request = new StringBuilder();
                    while (!request.toString().endsWith("\r\n\r\n")) {
                        request.append((char) client.getInputStream().read());
                    }
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                            + Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(bytes, 0, half);
                    out.write(("\r\n" + Integer.toHexString(bytes.length - half) + "\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(bytes, half, bytes.length - half);
                    out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            RawHttp.Answer answer = RawHttp.send(URI.create("http://127.0.0.1:" + server.getLocalPort()), "GET", "/x",
                    null, null);
            served.get();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(body);
        }
    }
}
