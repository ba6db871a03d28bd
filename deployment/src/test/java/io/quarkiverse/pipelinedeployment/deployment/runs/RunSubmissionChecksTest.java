package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.PipelineParam;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * {@code POST <runs>} and {@code POST <invoke>} with {@code Prefer: respond-async} check a submission as the
 * synchronous invoke does, before a run exists: the same 422 bodies, 413 (announced or chunked) and 415; nothing is
 * listed, nothing runs.
 */
public class RunSubmissionChecksTest {

    static final AtomicInteger EXECUTIONS = new AtomicInteger();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.max-request-size", "1K");

    static final String TOO_LARGE = "Request body too large: the limit is 1024 bytes "
            + "(quarkus.pipeline.max-request-size)";

    /** The two asynchronous submissions: {@code POST /runs}, and {@code POST /invoke} asking for it. */
    private static Response submitAsync(boolean runs, String contentType, Object body) {
        RequestSpecification request = given().contentType(contentType);
        if (!runs) {
            request = request.header("Prefer", "respond-async");
        }
        if (body instanceof byte[] bytes) {
            // An InputStream is sent chunked: no Content-Length to check up front
            request = request.body(new ByteArrayInputStream(bytes));
        } else {
            request = request.body((String) body);
        }
        return request.post(runs ? "/runs" : "/invoke");
    }

    @AfterEach
    void noRunExists() {
        when().get("/runs").then().statusCode(200).body("runs", empty()).body("next", nullValue());
        assertThat(EXECUTIONS.get()).isZero();
        when().get("/info").then().body("total_executions", equalTo(0));
    }

    @Test
    void invalidBodiesGetTheInvoke422() {
        String[] bodies = {
                "{\"parameters\": {",
                "",
                "[1, 2]",
                "{\"run_name\": \"x\"}",
                "{\"parameters\": [1]}",
                "{\"parameters\": {}}",
                "{\"parameters\": {\"word\": \"a\", \"times\": \"many\"}}",
                "{\"parameters\": {\"word\": \"a\", \"tims\": 2}}",
                "{\"parameters\": {\"word\": \"a\"}, \"run_name\": 5, \"timeout\": -1}" };
        for (String body : bodies) {
            Response sync = given().contentType("application/json").body(body).post("/invoke");
            assertThat(sync.statusCode()).as(body).isEqualTo(422);
            for (boolean runs : new boolean[] { true, false }) {
                Response async = submitAsync(runs, "application/json", body);
                assertThat(async.statusCode()).as("%s async on %s", body, runs ? "runs" : "invoke").isEqualTo(422);
                assertThat(async.contentType()).startsWith("application/json");
                assertThat(async.header("Location")).isNull();
                assertThat(async.asString()).as(body).isEqualTo(sync.asString());
            }
        }
    }

    @Test
    void theExact422Bodies() {
        for (boolean runs : new boolean[] { true, false }) {
            submitAsync(runs, "application/json", "{\"parameters\": {").then().statusCode(422)
                    .body("detail", hasSize(1))
                    .body("detail[0].type", equalTo("json_invalid"))
                    .body("detail[0].loc", contains("body"))
                    .body("detail[0].msg", equalTo("JSON decode error"));
            submitAsync(runs, "application/json", "{\"run_name\": \"x\"}").then().statusCode(422)
                    .body("detail[0].type", equalTo("missing"))
                    .body("detail[0].loc", contains("body", "parameters"))
                    .body("detail[0].msg", equalTo("Field required"))
                    .body("detail[0].input.run_name", equalTo("x"));
            submitAsync(runs, "application/json", "{\"parameters\": {}}").then().statusCode(422)
                    .body("detail", hasSize(1))
                    .body("detail[0].type", equalTo("missing"))
                    .body("detail[0].loc", contains("body", "parameters", "word"))
                    .body("detail[0].msg", equalTo("Field required"));
            submitAsync(runs, "application/json", "{\"parameters\": {\"word\": \"a\", \"times\": \"many\"}}").then()
                    .statusCode(422)
                    .body("detail", hasSize(1))
                    .body("detail[0].type", equalTo("type_error"))
                    .body("detail[0].loc", contains("body", "parameters", "times"))
                    .body("detail[0].input", equalTo("many"));
            submitAsync(runs, "application/json", "{\"parameters\": {\"word\": \"a\", \"tims\": 2}}").then()
                    .statusCode(422)
                    .body("detail", hasSize(1))
                    .body("detail[0].type", equalTo("extra_forbidden"))
                    .body("detail[0].loc", contains("body", "parameters", "tims"))
                    .body("detail[0].msg", equalTo("Extra inputs are not permitted"))
                    .body("detail[0].input", equalTo(2));
        }
    }

    @Test
    void notJsonIs415() {
        for (boolean runs : new boolean[] { true, false }) {
            submitAsync(runs, "text/plain", "{\"parameters\": {\"word\": \"a\"}}").then().statusCode(415)
                    .contentType("application/json")
                    .body("detail", containsString("application/json"));
        }
    }

    @Test
    void tooLargeIs413() {
        StringBuilder word = new StringBuilder();
        while (word.length() < 2048) {
            word.append("abcdefgh");
        }
        String large = "{\"parameters\": {\"word\": \"" + word + "\"}}";
        for (boolean runs : new boolean[] { true, false }) {
            submitAsync(runs, "application/json", large).then().statusCode(413)
                    .contentType("application/json")
                    .body("detail", equalTo(TOO_LARGE));
            submitAsync(runs, "application/json", large.getBytes(StandardCharsets.UTF_8)).then().statusCode(413)
                    .contentType("application/json")
                    .body("detail", equalTo(TOO_LARGE));
        }
    }

    public static class Echo {
        @Pipeline
        public String echo(String word, @PipelineParam(defaultValue = "1") int times) {
            EXECUTIONS.incrementAndGet();
            return word.repeat(times);
        }
    }
}
