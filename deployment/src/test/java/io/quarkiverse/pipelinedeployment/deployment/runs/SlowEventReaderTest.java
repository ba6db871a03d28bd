package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * A client that opens a run's event stream and then stops reading, while the run publishes far more than the
 * connection can hold (400 events of 64 KiB), neither holds up the run (it publishes them all, ends, and its result
 * answers) nor makes the server keep every event for it: when it reads at last, it gets a {@code gap}, then the
 * retained events up to the terminal one, and far fewer than the 400 events.
 */
public class SlowEventReaderTest {

    private static final int EVENTS = 400;
    private static final int SIZE = 64 * 1024;

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Publisher.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.max-events", "5");

    @TestHTTPResource("/")
    URL root;

    @Test
    void aReaderThatDoesNotReadNeitherBlocksTheRunNorIsBufferedForWithoutBound() throws Exception {
        String id = given().contentType("application/json")
                .body("{\"parameters\": {\"channel\": \"slow\", \"size\": " + SIZE + "}}").post("/runs")
                .then().statusCode(202).extract().jsonPath().getString("run_id");

        try (Socket socket = new Socket()) {
            // A small receive window: the connection itself holds little
            socket.setReceiveBufferSize(4096);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(root.getHost(), root.getPort()), 10_000);
            socket.getOutputStream().write(("GET /runs/" + id + "/events HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");

            // Not reading from now on: the run publishes everything and ends regardless (publish() waits for it)
            Publisher.publish("slow", EVENTS);
            Publisher.finish("slow");
            given().get("/runs/" + id + "/result?wait=30").then().statusCode(200)
                    .body("outputs.output", equalTo(EVENTS));

            // Read at last: what the connection held, a gap, then the retained events to the terminal one
            List<String[]> events = readEvents(in);
            // Dense ids, except where a gap names the next one: some events were never sent to this reader
            ObjectMapper mapper = new ObjectMapper();
            long expected = 1;
            int gaps = 0;
            for (String[] event : events) {
                if (event[1].equals("gap")) {
                    assertThat(event[0]).as("a gap has no id").isNull();
                    long firstAvailable = mapper.readTree(event[2]).get("first_available").asLong();
                    assertThat(firstAvailable).isGreaterThan(expected);
                    expected = firstAvailable;
                    gaps++;
                } else {
                    assertThat(event[0]).isEqualTo(Long.toString(expected));
                    expected++;
                }
            }
            assertThat(gaps).as("gaps among %s events", events.size()).isGreaterThan(0);
            String[] last = events.get(events.size() - 1);
            // run_queued, run_started, 400 ticks, run_completed: the last one is 403
            assertThat(last[1]).isEqualTo("run_completed");
            assertThat(last[0]).isEqualTo(Long.toString(EVENTS + 3));
            // Far fewer than were published
            assertThat(events.size()).isLessThan(EVENTS / 2);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed in the headers: " + head);
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Reads the chunked body to its end; each event as {id or null, kind, data}. Comments are skipped. */
    private static List<String[]> readEvents(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                readLine(in);
                break;
            }
            body.write(in.readNBytes(size));
            if (!readLine(in).isEmpty()) {
                throw new IOException("A chunk is not followed by CRLF");
            }
        }
        List<String[]> events = new ArrayList<>();
        for (String frame : body.toString(StandardCharsets.UTF_8).split("\n\n")) {
            String id = null;
            String kind = null;
            String data = null;
            for (String line : frame.split("\n")) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    kind = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (kind != null) {
                events.add(new String[] { id, kind, data });
            }
        }
        return events;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("Connection closed in a chunk's size line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
