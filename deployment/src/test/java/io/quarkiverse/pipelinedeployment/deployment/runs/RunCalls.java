package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/**
 * Calls to the runs endpoint shared by the cancel, bounds, record and metrics tests: submit, cancel, check that a run
 * ended cancelled, read its events and the pipeline's meters, and plain-socket HTTP for tests that must choose their
 * connections.
 */
final class RunCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private RunCalls() {
    }

    /** {@code POST /runs} with {@code {"parameters": <parameters>}}: expects 202, returns the run id. */
    static String submit(String parameters) {
        Response submitted = given().contentType("application/json").body("{\"parameters\": " + parameters + "}")
                .post("/runs");
        submitted.then().statusCode(202).body("status", equalTo("queued"));
        return submitted.jsonPath().getString("run_id");
    }

    /**
     * The run ended {@code cancelled}: its result is {@code 200 {"success": false, "error": <error>}}, and its record
     * says so, with {@code cancel_requested} true.
     */
    static void assertCancelled(String id, String error) {
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200)
                .body("success", equalTo(false))
                .body("error", equalTo(error))
                .body("outputs", nullValue())
                .body("metadata.run_id", equalTo(id));
        when().get("/runs/" + id).then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("cancel_requested", equalTo(true))
                .body("error", equalTo(error))
                .body("finished", notNullValue());
    }

    /** Every event of the run, from the first; the run must have ended (the stream ends after its terminal event). */
    static List<Sse.Event> events(URL root, String id) throws Exception {
        try (Sse sse = Sse.get(URI.create(root + "runs/" + id + "/events"), Map.of())) {
            assertThat(sse.response.statusCode()).isEqualTo(200);
            return sse.all();
        }
    }

    /** The kinds of the events, in order. */
    static List<String> kinds(List<Sse.Event> events) {
        List<String> kinds = new ArrayList<>();
        for (Sse.Event event : events) {
            kinds.add(event.kind());
        }
        return kinds;
    }

    /** The steps that started, from the {@code step_started} events, in order. */
    static List<String> startedSteps(List<Sse.Event> events) throws IOException {
        List<String> steps = new ArrayList<>();
        for (Sse.Event event : events) {
            if ("step_started".equals(event.kind())) {
                steps.add(JSON.readTree(event.data()).get("step").asText());
            }
        }
        return steps;
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** {@code pipeline_invocations_total} of the pipeline with the status, 0 when absent. */
    static double invocations(String scrape, String pipeline, String status) {
        Matcher m = Pattern.compile("(?m)^pipeline_invocations_total\\{pipeline=\"" + Pattern.quote(pipeline)
                + "\",status=\"" + Pattern.quote(status) + "\",?} (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    /** A plain connection of its own (a new connection goes to the next event loop of the server). */
    static Socket connect(URL root) throws IOException {
        Socket socket = new Socket(root.getHost(), root.getPort());
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** Sends {@code POST path} with a JSON body (or none) on a keep-alive connection. */
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

    /** The body of a response read by {@link #readResponse}. */
    static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
}
