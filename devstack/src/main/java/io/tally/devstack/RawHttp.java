package io.tally.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One HTTP/1.1 request over a plain socket, with the request target sent byte for byte as given: for tests of paths
 * that HTTP client libraries would normalise or refuse to send ({@code %72eopen}, {@code ;x=1}, {@code ..}, {@code //}).
 */
public final class RawHttp {

    /** The status and the body (headers cut off) of an answer. */
    public record Answer(int status, String body) {
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method target} to {@code base}, with a bearer token and a JSON body when given, and reads the whole
     * answer ({@code Connection: close}).
     */
    public static Answer send(URI base, String method, String target, String bearer, String jsonBody) {
        return send(base, method, target, bearer, jsonBody == null ? null : "application/json",
                jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends {@code method target} with a body of any bytes and content type (none when {@code contentType} is null), and
     * reads the whole answer.
     */
    public static Answer send(URI base, String method, String target, String bearer, String contentType,
            byte[] bodyBytes) {
        StringBuilder request = new StringBuilder();
        request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        request.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        if (bearer != null) {
            request.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        byte[] body = bodyBytes == null ? new byte[0] : bodyBytes;
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (bodyBytes != null) {
            request.append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            byte[] response = socket.getInputStream().readAllBytes();
            String head = new String(response, StandardCharsets.ISO_8859_1); // byte for byte: offsets agree
            int space = head.indexOf(' ');
            int status = space < 0 ? -1 : Integer.parseInt(head.substring(space + 1, space + 4));
            int headersEnd = head.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                return new Answer(status, "");
            }
            String headers = head.substring(0, headersEnd).toLowerCase(Locale.ROOT);
            byte[] rest = Arrays.copyOfRange(response, headersEnd + 4, response.length);
            return new Answer(status,
                    new String(headers.contains("transfer-encoding: chunked") ? unchunked(rest) : rest,
                            StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    /** The body of a chunked answer: chunk sizes count bytes, so the chunks are cut from the bytes, then decoded. */
    private static byte[] unchunked(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1); // one character per byte
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            body.write(chunked, start, Math.min(chunked.length, start + size) - start);
            at = start + size + 2;
        }
        return body.toByteArray();
    }
}
