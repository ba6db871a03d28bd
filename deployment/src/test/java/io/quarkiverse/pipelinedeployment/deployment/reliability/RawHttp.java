package io.quarkiverse.pipelinedeployment.deployment.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, for tests that must control the connection itself: send a request, read one whole
 * response, or close the connection while the answer is pending.
 */
final class RawHttp {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private RawHttp() {
    }

    static Socket connect(URL root) throws IOException {
        Socket socket = new Socket(root.getHost(), root.getPort());
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** Sends {@code POST path} with a JSON body on a keep-alive connection. */
    static void post(Socket socket, String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
    }

    /** Reads one response with a {@code Content-Length}: its status line, headers and body. */
    static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        String headers = "";
        while (!headers.endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed in the headers: " + headers);
            }
            head.write(b);
            headers = head.toString(StandardCharsets.US_ASCII);
        }
        Matcher m = CONTENT_LENGTH.matcher(headers);
        if (!m.find()) {
            throw new IOException("No Content-Length in " + headers);
        }
        byte[] body = in.readNBytes(Integer.parseInt(m.group(1)));
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    /** The value of a series of the pipeline's {@code pipeline_invocations_total}, 0 when it is absent. */
    static double invocations(String scrape, String pipeline, String status) {
        Matcher m = Pattern.compile("(?m)^pipeline_invocations_total\\{pipeline=\"" + Pattern.quote(pipeline)
                + "\",status=\"" + Pattern.quote(status) + "\",?} (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}
