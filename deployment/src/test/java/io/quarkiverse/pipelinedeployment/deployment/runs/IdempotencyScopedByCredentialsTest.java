package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * With auth on, an {@code Idempotency-Key} is scoped by the credentials: the same key and body under two valid API
 * keys are two runs; under the same API key, one.
 */
public class IdempotencyScopedByCredentialsTest {

    static final AtomicInteger EXECUTIONS = new AtomicInteger();
    static final String BODY = "{\"parameters\": {\"word\": \"scoped\"}}";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k1,k2");

    private static Response submit(String apiKey) {
        return given().contentType("application/json").header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", "shared-key").body(BODY).post("/runs");
    }

    @Test
    void oneRunPerCredentials() {
        Response underK1 = submit("k1");
        underK1.then().statusCode(202).header("Idempotent-Replayed", nullValue());
        Response underK2 = submit("k2");
        underK2.then().statusCode(202).header("Idempotent-Replayed", nullValue());
        String first = underK1.jsonPath().getString("run_id");
        String second = underK2.jsonPath().getString("run_id");
        assertThat(second).isNotEqualTo(first);

        submit("k1").then().statusCode(202).header("Idempotent-Replayed", "true").body("run_id", equalTo(first));
        // The same credentials, however the scheme is written
        given().contentType("application/json").header("Authorization", "bearer  k1")
                .header("Idempotency-Key", "shared-key").body(BODY).post("/runs").then()
                .statusCode(202).header("Idempotent-Replayed", "true").body("run_id", equalTo(first));
        submit("k2").then().statusCode(202).header("Idempotent-Replayed", "true").body("run_id", equalTo(second));
        // A synchronous invoke under k2 gets k2's run
        for (String id : new String[] { first, second }) {
            given().header("Authorization", "Bearer k1").get("/runs/" + id + "/result?wait=10").then()
                    .statusCode(200);
        }
        given().contentType("application/json").header("Authorization", "Bearer k2")
                .header("Idempotency-Key", "shared-key").body(BODY).post("/invoke").then()
                .statusCode(200)
                .body("metadata.run_id", equalTo(second));

        assertThat(EXECUTIONS.get()).isEqualTo(2);
        List<String> listed = given().header("Authorization", "Bearer k1").get("/runs").then().statusCode(200)
                .extract().path("runs.run_id");
        assertThat(listed).containsExactly(second, first);
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            EXECUTIONS.incrementAndGet();
            return word;
        }
    }
}
