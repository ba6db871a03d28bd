package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Recorded runs with large bodies stay within {@code quarkus.pipeline.runs.max-memory}: the store drops the oldest
 * finished runs once the bytes they are kept as (their envelopes echo their parameters) are over it, long before
 * {@code max-records}. (Without it, the default of 10000 records of 100 KB bodies took more than a 512 MB heap in the
 * benchmark.)
 */
public class BoundsMaxMemoryTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Sum.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.max-memory", "1M");

    @Test
    void largeRunsAreDroppedBeyondTheMemoryBound() {
        StringBuilder body = new StringBuilder("{\"parameters\": {\"values\": [0.5");
        for (int i = 1; i < 20_000; i++) {
            body.append(", 0.5");
        }
        body.append("]}}"); // about 100 KB: a finished run is kept as about 80 KB (its envelope echoes the values)
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(given().contentType("application/json").body(body.toString()).post("/invoke").then()
                    .statusCode(200).extract().path("metadata.run_id"));
        }
        List<String> listed = given().get("/runs?limit=1000").then().statusCode(200).extract().path("runs.run_id");
        assertThat(listed).hasSizeBetween(6, 13).contains(ids.get(29));
        given().get("/runs/" + ids.get(0)).then().statusCode(404);
    }

    public static class Sum {
        @Pipeline
        public double sum(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).sum();
        }
    }
}
