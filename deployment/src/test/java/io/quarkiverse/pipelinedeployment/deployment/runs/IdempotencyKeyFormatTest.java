package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.deployment.security.RawHttp;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * An {@code Idempotency-Key} is 1 to 255 printable ASCII characters: a longer one, or one with a control or non-ASCII
 * character, gets 422 before a run exists, on {@code POST <runs>} and on {@code POST <invoke>}.
 */
public class IdempotencyKeyFormatTest {

    static final AtomicInteger EXECUTIONS = new AtomicInteger();
    static final String BODY = "{\"parameters\": {\"word\": \"k\"}}";
    static final String BAD_KEY = "{\"detail\":\"Idempotency-Key must be 1 to 255 printable ASCII characters\"}";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class, RawHttp.class, RawHttp.Answer.class));

    @Test
    void badKeysAre422() {
        int executions = EXECUTIONS.get();
        List<String> before = when().get("/runs").then().extract().path("runs.run_id");
        String tooLong = "k".repeat(256);
        String[] keys = { tooLong, "tab\there", "cl\u00e9", "\u2603 snowman", "" };
        for (String key : keys) {
            for (String[] submission : new String[][] { { "/runs" }, { "/invoke", "Prefer: respond-async" },
                    { "/invoke" } }) {
                String[] headers = submission.length == 1 ? new String[] { "Idempotency-Key: " + key }
                        : new String[] { "Idempotency-Key: " + key, submission[1] };
                RawHttp.Answer answer = RawHttp.sendBody("POST", submission[0], BODY, headers);
                assertThat(answer.status()).as("key '%s' on %s", key, String.join(" ", submission)).isEqualTo(422);
                assertThat(answer.body()).isEqualTo(BAD_KEY);
            }
        }
        assertThat(EXECUTIONS.get()).isEqualTo(executions);
        List<String> after = when().get("/runs").then().statusCode(200).extract().path("runs.run_id");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void keysUpTo255PrintableCharactersAreTaken() {
        int executions = EXECUTIONS.get();
        String printable = " !\"#$%&'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~";
        String longest = "~".repeat(255 - printable.length()) + printable;
        assertThat(longest).hasSize(255);
        Response first = given().contentType("application/json").header("Idempotency-Key", longest).body(BODY)
                .post("/runs");
        first.then().statusCode(202);
        String id = first.jsonPath().getString("run_id");
        given().contentType("application/json").header("Idempotency-Key", longest).body(BODY).post("/runs").then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true");
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200);
        List<String> listed = when().get("/runs").then().extract().path("runs.run_id");
        assertThat(listed).containsOnlyOnce(id);
        assertThat(EXECUTIONS.get()).isEqualTo(executions + 1);
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            EXECUTIONS.incrementAndGet();
            return word;
        }
    }
}
