package io.quarkiverse.pipelinedeployment.deployment.extensions;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.AppExtension;
import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.json.JsonObject;

/**
 * App extensions are installed in order, with their args and the runner, and can add routes.
 */
public class AppExtensionsTest {

    static final List<String> INSTALLED = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, ModelCard.class, Audit.class))
            .overrideConfigKey("quarkus.pipeline.extensions.card.class", ModelCard.class.getName())
            .overrideConfigKey("quarkus.pipeline.extensions.card.order", "10")
            .overrideConfigKey("quarkus.pipeline.extensions.card.args.owner", "risk-team")
            .overrideConfigKey("quarkus.pipeline.extensions.audit.class", Audit.class.getName())
            .overrideConfigKey("quarkus.pipeline.extensions.audit.order", "5");

    @Test
    void extensionsAddRoutesInOrder() {
        when().get("/model-card").then().statusCode(200)
                .body("owner", equalTo("risk-team"))
                .body("pipeline", equalTo("fraud_scoring"))
                .body("endpoints", equalTo(7));
        when().get("/installed").then().statusCode(200).body("order", contains("audit", "card"));
    }

    public static class ModelCard implements AppExtension {
        @Override
        public void install(AppRunner runner, Map<String, String> args) {
            INSTALLED.add("card");
            runner.router().get("/model-card").handler(ctx -> ctx.json(new JsonObject()
                    .put("owner", args.get("owner"))
                    .put("pipeline", runner.deployment().pipeline().name())
                    .put("endpoints", runner.endpoints().size() - 1)));
        }
    }

    public static class Audit implements AppExtension {
        @Override
        public void install(AppRunner runner, Map<String, String> args) {
            INSTALLED.add("audit");
            runner.router().get("/installed").handler(ctx -> ctx.json(new JsonObject().put("order", INSTALLED)));
        }
    }
}
