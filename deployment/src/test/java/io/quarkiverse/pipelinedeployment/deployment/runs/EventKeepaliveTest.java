package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * An event stream with nothing to send gets a {@code : keepalive} comment every {@code runs.keepalive-interval}, and
 * the events go on after them.
 */
public class EventKeepaliveTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Publisher.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.keepalive-interval", "200ms");

    @TestHTTPResource("/runs")
    URI runs;

    @Test
    void anIdleStreamGetsKeepaliveComments() {
        String id = given().contentType("application/json")
                .body("{\"parameters\": {\"channel\": \"idle\", \"size\": 0}}").post("/runs")
                .then().statusCode(202).extract().jsonPath().getString("run_id");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> lines = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            HttpResponse<Stream<String>> response = client.send(
                    HttpRequest.newBuilder(URI.create(runs + "/" + id + "/events")).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> body = response.body()) {
                Iterator<String> it = body.iterator();
                // The run is idle (waiting for its command): read until three keepalives came
                int keepalives = 0;
                while (keepalives < 3 && it.hasNext()) {
                    String line = it.next();
                    lines.add(line);
                    if (line.equals(": keepalive")) {
                        keepalives++;
                    }
                }
                Publisher.publish("idle", 1);
                Publisher.finish("idle");
                it.forEachRemaining(lines::add);
            }
        });
        assertThat(lines).filteredOn(": keepalive"::equals).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines).contains("event: run_queued", "event: run_started", "event: tick", "event: run_completed");
        // A keepalive is a whole comment: a line of its own followed by a blank line
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(": keepalive")) {
                assertThat(lines.get(i + 1)).isEmpty();
            }
        }
    }
}
