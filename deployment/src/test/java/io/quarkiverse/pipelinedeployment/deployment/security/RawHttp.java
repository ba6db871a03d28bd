package io.quarkiverse.pipelinedeployment.deployment.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;

/**
 * Sends a request with its target exactly as written ({@code //}, {@code ..}, {@code ;matrix}, percent-encodings),
 * which HTTP client libraries normalize away, and reads the status and body of the answer.
 */
public final class RawHttp {

    /** An answer: its status and body. */
    public record Answer(int status, String body) {
        @Override
        public String toString() {
            return status + " " + (body.length() > 120 ? body.substring(0, 120) + "..." : body);
        }
    }

    private RawHttp() {
    }

    public static Answer send(String method, String target, String... headers) {
        return sendBody(method, target, null, headers);
    }

    /** Sends {@code body} as {@code application/json}, with its {@code Content-Length}. */
    public static Answer sendBody(String method, String target, String body, String... headers) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder();
            request.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\n")
                    .append("Connection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length)
                        .append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            return parse(socket.getInputStream(), method.equals("HEAD"));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + ": " + e, e);
        }
    }

    private static Answer parse(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            all.write(buffer, 0, n);
            if (head && all.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                break;
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int lineEnd = text.indexOf("\r\n");
        if (lineEnd < 0) {
            throw new IOException("No status line in: " + text);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        int bodyStart = text.indexOf("\r\n\r\n");
        String rawBody = bodyStart < 0 ? "" : text.substring(bodyStart + 4);
        String headers = bodyStart < 0 ? text : text.substring(0, bodyStart).toLowerCase();
        if (headers.contains("transfer-encoding: chunked")) {
            rawBody = dechunk(rawBody);
        }
        return new Answer(status, rawBody);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", i);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(i, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            i = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
