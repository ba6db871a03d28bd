package io.quarkiverse.pipelinedeployment.deployment.custom;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A builder method whose init-args bind by name to its parameters, converted to their types (the seed's
 * {@code build_predict_endpoint(runner, model_path, top_k)}); a parameter without an argument gets an empty
 * Optional.
 */
public class BuilderMethodNamedArgsTest {

    static final String P = "quarkus.pipeline.custom-endpoints.predict.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Builders.class, Endpoint.class))
            .overrideConfigKey(P + "path", "/model")
            .overrideConfigKey(P + "handler", Builders.class.getName() + "#buildPredictEndpoint")
            .overrideConfigKey(P + "init-args.model_path", "/models/model.pkl")
            .overrideConfigKey(P + "init-args.top-k", "3")
            .overrideConfigKey(P + "init-args.warm-up", "PT2S");

    @Test
    void initArgsAreBoundByName() {
        when().get("/model").then().statusCode(200)
                .body("model", equalTo("/models/model.pkl"))
                .body("top_k", equalTo(3))
                .body("warm_up_ms", equalTo(2000))
                .body("label", equalTo("none"))
                .body("flavor", equalTo("vertx"));
    }

    public static class Builders {
        public static Endpoint buildPredictEndpoint(AppRunner runner, String modelPath, int topK, Duration warmUp,
                Optional<String> label) {
            return new Endpoint(runner.flavor(), modelPath, topK, warmUp, label.orElse("none"));
        }
    }

    public record Endpoint(String flavor, String model, int topK, Duration warmUp, String label) {
        public Map<String, Object> handle() {
            return Map.of("model", model, "top_k", topK, "warm_up_ms", warmUp.toMillis(), "label", label, "flavor",
                    flavor);
        }
    }
}
