package io.quarkiverse.pipelinedeployment.deployment.errors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A bare HTTP/1.1 client for bodies a server may refuse before it has read them: it keeps reading the answer when
 * the server stops reading the body (where common clients fail with a broken pipe), and can send a body with
 * Content-Length or chunked.
 */
public final class RawHttp {

    /** A response: its status, its {@code Content-Type} and its body. */
    public record Response(int status, String contentType, String body) {
    }

    private RawHttp() {
    }

    /**
     * POSTs {@code body} as JSON to {@code path}, with {@code Content-Length} or chunked, and reads the answer. The
     * body is written by another thread, so an early answer is read even when the server stops reading.
     */
    public static Response post(URL root, String path, byte[] body, boolean chunked) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n") + "\r\n";
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    int chunk = 64 * 1024;
                    for (int i = 0; i < body.length; i += chunk) {
                        int n = Math.min(chunk, body.length - i);
                        if (chunked) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(body, i, n);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // The server answered early and closed the connection: the answer is read below
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream());
        }
    }

    /** Reads one response from a connection. */
    public static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String contentType = "";
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-type" -> contentType = value;
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(),
                    16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(status, contentType, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("Connection closed in the middle of a line: " + sb);
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
