package io.quarkiverse.pipelinedeployment.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The abuse suite: path tricks on every protected route (the built-in invoke, a custom direct method, a native
 * JAX-RS resource with a regex path, a sub-resource locator and a {@code Consumer<Router>} mount), oversized and slow
 * bodies, header floods and 10,000 fuzzed bodies, all from outside over raw sockets or an HTTP client. It prints a
 * table of tries and outcomes per class; the pass condition is 0 unguarded hits (a 2xx without a valid key) and 0
 * answers of 500 or more. Nothing is timed.
 */
@QuarkusTest
@TestProfile(AbuseProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class AbuseTest {

    static final String KEY_HEADER = "Authorization: Bearer " + AbuseProfile.KEY;
    static final String INVOKE_BODY = "{\"parameters\": {\"features\": [0.1, 0.2, 0.7]}}";

    /** Protected targets, each answering 200 with the key: method, path, body. */
    static final List<String[]> PROTECTED = List.of(
            new String[] { "POST", "/invoke", INVOKE_BODY },
            new String[] { "POST", "/explain", "{\"features\": [1, 2]}" },
            new String[] { "GET", "/model", null },
            new String[] { "GET", "/model/weights/1", null },
            new String[] { "GET", "/model/docs/README.md", null },
            new String[] { "GET", "/model/versions/1", null },
            new String[] { "GET", "/admin/runtime", null });

    /** Per class of attack: outcomes by status, plus the failures (unguarded hits and 5xx). */
    static final Map<String, Row> TABLE = new LinkedHashMap<>();

    static final class Row {
        int tries;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        int unguarded;
        int serverErrors;
        final List<String> examples = new ArrayList<>();

        synchronized void count(int status, boolean unguardedHit, String what) {
            tries++;
            statuses.merge(status, 1, Integer::sum);
            if (unguardedHit) {
                unguarded++;
            }
            if (status >= 500) {
                serverErrors++;
            }
            if ((unguardedHit || status >= 500) && examples.size() < 10) {
                examples.add(status + " " + what);
            }
        }
    }

    static Row row(String name) {
        synchronized (TABLE) {
            return TABLE.computeIfAbsent(name, n -> new Row());
        }
    }

    @Test
    @Order(1)
    void theTargetsAreRealWithTheKey() {
        for (String[] target : PROTECTED) {
            Answer answer = send(target[0], target[1], target[2], KEY_HEADER);
            assertThat(answer.status).as(target[0] + " " + target[1] + " -> " + answer.body).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void pathTricksNeverReachAProtectedRoute() {
        Row row = row("path tricks (no key / wrong key)");
        for (String[] target : PROTECTED) {
            for (String variant : variants(target[1])) {
                List<String> methods = new ArrayList<>(List.of(target[0], "OPTIONS"));
                if (target[0].equals("GET")) {
                    methods.add("HEAD");
                }
                for (String method : methods) {
                    String body = method.equals("POST") ? target[2] : null;
                    for (String[] headers : List.of(new String[0], new String[] { "Authorization: Bearer wrong" },
                            new String[] { "Authorization: Basic " + AbuseProfile.KEY })) {
                        Answer answer = send(method, variant, body, headers);
                        row.count(answer.status, answer.status >= 200 && answer.status < 300,
                                method + " " + variant + " " + String.join(",", headers));
                    }
                }
            }
        }
        assertThat(row.unguarded).as("unguarded hits: " + row.examples).isZero();
        assertThat(row.serverErrors).as("5xx: " + row.examples).isZero();
    }

    /** The ways one path can be written. */
    static List<String> variants(String path) {
        String[] segments = path.substring(1).split("/");
        List<String> out = new ArrayList<>();
        out.add(path);
        out.add(path + "/");
        out.add("/" + path);
        out.add("/./" + path.substring(1));
        out.add("/x/../" + path.substring(1));
        out.add("/x/%2e%2e/" + path.substring(1));
        out.add("/x/%2E%2E/" + path.substring(1));
        out.add(path + ";");
        out.add(path + ";a=b");
        out.add(path + "?a=b");
        out.add(path + "#frag");
        out.add(path + "%00");
        out.add(path + "/.");
        out.add(path.toUpperCase());
        out.add("http://localhost:" + RestAssured.port + path);
        for (int i = 0; i < segments.length; i++) {
            out.add(join(segments, i, segments[i] + ";m=1"));
            out.add(join(segments, i, percentEncode(segments[i])));
            out.add(join(segments, i, segments[i] + "/"));
            out.add(join(segments, i, "./" + segments[i]));
            out.add(join(segments, i, "x/../" + segments[i]));
            if (i > 0) {
                out.add("/" + String.join("/", java.util.Arrays.copyOf(segments, i)) + "%2F"
                        + String.join("/", java.util.Arrays.copyOfRange(segments, i, segments.length)));
                out.add("/" + String.join("/", java.util.Arrays.copyOf(segments, i)) + "\\"
                        + String.join("/", java.util.Arrays.copyOfRange(segments, i, segments.length)));
            }
        }
        return out;
    }

    private static String join(String[] segments, int index, String replacement) {
        String[] copy = segments.clone();
        copy[index] = replacement;
        return "/" + String.join("/", copy);
    }

    private static String percentEncode(String segment) {
        StringBuilder out = new StringBuilder();
        for (char c : segment.toCharArray()) {
            out.append('%').append(String.format("%02x", (int) c));
        }
        return out.toString();
    }

    @Test
    @Order(3)
    void oversizedBodiesGet413() {
        Row row = row("oversized bodies (over 1 MiB)");
        String big = "{\"parameters\": {\"features\": [" + "0.5, ".repeat(300_000) + "1]}}";
        for (String path : List.of("/invoke", "/explain")) {
            for (int i = 0; i < 5; i++) {
                Answer announced = send("POST", path, big, KEY_HEADER);
                row.count(announced.status, false, "POST " + path + " Content-Length");
                assertThat(announced.status).isEqualTo(413);
                assertThat(announced.body).contains("\"detail\"");
                Answer chunked = sendChunked(path, big, KEY_HEADER);
                row.count(chunked.status, false, "POST " + path + " chunked");
                assertThat(chunked.status).isEqualTo(413);
                assertThat(chunked.body).contains("\"detail\"");
            }
        }
        assertThat(row.serverErrors).isZero();
    }

    @Test
    @Order(4)
    void slowBodiesHoldNothing() throws Exception {
        Row row = row("slow bodies (0 = stalled, then probes)");
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket("localhost", RestAssured.port);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /invoke HTTP/1.1\r\nHost: localhost\r\n" + KEY_HEADER
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"parameters\": {")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(socket);
                row.count(0, false, "stalled");
            }
            Answer probe = send("POST", "/invoke", INVOKE_BODY, KEY_HEADER);
            row.count(probe.status, false, "probe while stalled");
            assertThat(probe.status).isEqualTo(200);
            Answer health = send("GET", "/health", null);
            row.count(health.status, false, "health while stalled");
            assertThat(health.status).isEqualTo(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    @Order(5)
    void headerFloodsAreRefused() {
        Row row = row("header floods");
        String huge = "X-Flood: " + "a".repeat(64 * 1024);
        String[] many = new String[2000];
        for (int i = 0; i < many.length; i++) {
            many[i] = "X-Flood-" + i + ": " + "b".repeat(20);
        }
        String[] plenty = new String[100];
        for (int i = 0; i < plenty.length; i++) {
            plenty[i] = "X-Many-" + i + ": " + "c".repeat(40);
        }
        for (int i = 0; i < 10; i++) {
            Answer one = send("GET", "/invoke", null, huge);
            row.count(one.status, one.status < 300, "one 64 KiB header");
            Answer lots = send("GET", "/invoke", null, many);
            row.count(lots.status, lots.status < 300, "2000 headers");
        }
        for (int i = 0; i < 50; i++) {
            String[] headers = java.util.Arrays.copyOf(plenty, plenty.length + 1);
            headers[plenty.length] = "Authorization: Bearer wrong-" + i;
            Answer answer = send("POST", "/invoke", INVOKE_BODY, headers);
            row.count(answer.status, answer.status < 300, "100 headers, wrong key");
        }
        assertThat(row.unguarded).as("unguarded: " + row.examples).isZero();
        assertThat(row.serverErrors).as("5xx: " + row.examples).isZero();
    }

    @Test
    @Order(6)
    void tenThousandFuzzedBodies() throws Exception {
        Row row = row("fuzzed invoke bodies");
        URI invoke = URI.create("http://localhost:" + RestAssured.port + "/invoke");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            long seed = 1000 + t;
            work.add(clients.submit(() -> {
                Random random = new Random(seed);
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                for (int i = 0; i < 1250; i++) {
                    byte[] body = Fuzz.body(random);
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(invoke)
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + AbuseProfile.KEY)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        row.count(response.statusCode(), false, new String(body, 0, Math.min(body.length, 80),
                                StandardCharsets.UTF_8) + " -> " + response.body());
                        if (!response.body().startsWith("{")) {
                            row.count(599, false, "not JSON: " + response.body());
                        }
                    } catch (Exception e) {
                        row.count(598, false, "no answer: " + e);
                    }
                }
                return null;
            }));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        for (Future<?> f : work) {
            f.get();
        }
        assertThat(row.tries).isGreaterThanOrEqualTo(10_000);
        assertThat(row.serverErrors).as("5xx: " + row.examples).isZero();
    }

    /** The running class: this one, or the packaged-jar subclass. */
    static String suite = AbuseTest.class.getSimpleName();

    @BeforeAll
    static void nameTheSuite(TestInfo info) {
        suite = info.getTestClass().map(Class::getSimpleName).orElse(suite);
    }

    @AfterAll
    static void printTable() {
        StringBuilder table = new StringBuilder("\nAbuse suite (" + suite + ")\n");
        table.append(String.format("%-40s %7s  %-45s %9s %5s%n", "class", "tries", "outcomes by status", "unguarded",
                "5xx"));
        int unguarded = 0;
        int errors = 0;
        for (Map.Entry<String, Row> e : TABLE.entrySet()) {
            Row r = e.getValue();
            table.append(String.format("%-40s %7d  %-45s %9d %5d%n", e.getKey(), r.tries, r.statuses, r.unguarded,
                    r.serverErrors));
            unguarded += r.unguarded;
            errors += r.serverErrors;
        }
        table.append("total unguarded hits: ").append(unguarded).append(", total 5xx: ").append(errors).append('\n');
        System.out.println(table);
    }

    // Raw HTTP/1.1 over a socket: the target is sent exactly as written

    record Answer(int status, String body) {
    }

    static Answer send(String method, String target, String body, String... headers) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        return exchange(head.toString().getBytes(StandardCharsets.UTF_8), bytes, method.equals("HEAD"));
    }

    static Answer sendChunked(String target, String body, String... headers) {
        StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 16_384) {
            int n = Math.min(16_384, bytes.length - i);
            chunks.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.write(bytes, i, n);
            chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return exchange(head.toString().getBytes(StandardCharsets.UTF_8), chunks.toByteArray(), false);
    }

    private static Answer exchange(byte[] head, byte[] body, boolean headOnly) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server may answer (413) and close before the whole body was sent: read its answer
            }
            return read(socket.getInputStream(), headOnly);
        } catch (IOException e) {
            throw new IllegalStateException(new String(head, 0, Math.min(head.length, 200), StandardCharsets.UTF_8)
                    + ": " + e, e);
        }
    }

    private static Answer read(InputStream in, boolean headOnly) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
                if (headOnly && all.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            // reset after the answer: keep what was read
        }
        String text = all.toString(StandardCharsets.UTF_8);
        if (text.length() < 12 || !text.startsWith("HTTP/1.")) {
            throw new IOException("No HTTP answer: " + text);
        }
        int start = text.indexOf("\r\n\r\n");
        return new Answer(Integer.parseInt(text.substring(9, 12)), start < 0 ? "" : text.substring(start + 4));
    }
}
