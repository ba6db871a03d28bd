package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * {@code runs.record=all}, the default: a synchronous invoke is recorded like a submitted run, listed with source
 * {@code http}, and its record and result can be read afterwards.
 */
public class RunStoreRecordsSyncInvokesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class));

    @Test
    void aSynchronousInvokeIsListed() {
        Response sync = given().contentType("application/json")
                .body("{\"parameters\": {\"word\": \"sync\"}, \"run_name\": \"listed\"}").post("/invoke");
        sync.then().statusCode(200).body("success", equalTo(true));
        String id = sync.jsonPath().getString("metadata.run_id");

        when().get("/runs").then().statusCode(200)
                .body("runs.size()", equalTo(1))
                .body("runs[0].run_id", equalTo(id))
                .body("runs[0].run_name", equalTo("listed"))
                .body("runs[0].source", equalTo("http"))
                .body("runs[0].status", equalTo("completed"));
        when().get("/runs?source=http&status=completed").then().statusCode(200).body("runs[0].run_id", equalTo(id));
        when().get("/runs/" + id).then().statusCode(200)
                .body("source", equalTo("http"))
                .body("status", equalTo("completed"))
                .body("parameters_used.word", equalTo("sync"))
                .body("outputs.output", equalTo("sync"))
                .body("started", notNullValue())
                .body("finished", notNullValue())
                .body("cancel_requested", equalTo(false));
        when().get("/runs/" + id + "/result").then().statusCode(200).body("outputs.output", equalTo("sync"));
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            return word;
        }
    }
}
