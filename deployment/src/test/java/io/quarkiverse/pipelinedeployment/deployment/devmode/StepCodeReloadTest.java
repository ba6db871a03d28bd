package io.quarkiverse.pipelinedeployment.deployment.devmode;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * Dev mode: editing a {@code @Step} method's body and name reloads the service; the new step runs, is recorded and is
 * listed under its new name.
 */
@ExtendWith(DevModePort.class)
public class StepCodeReloadTest {

    @RegisterExtension
    static final QuarkusDevModeTest config = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(GreetingPipeline.class, Greeter.class)
                    .addAsResource(new StringAsset(DevModePort.PROPERTY), "application.properties"));

    @Test
    void editedStepIsRecordedAfterReload() {
        PipelineCodeReloadTest.invoke("{\"name\": \"Ada\"}").statusCode(200)
                .body("outputs.message", equalTo("Hello Ada"))
                .body("metadata.steps.name", contains("greet"));

        config.modifySourceFile(Greeter.class, source -> source
                .replace("@Step(name = \"greet\")", "@Step(name = \"salute\")")
                .replace("return \"Hello \" + name;", "return \"Good morning, \" + name;"));

        PipelineCodeReloadTest.invoke("{\"name\": \"Ada\"}").statusCode(200)
                .body("outputs.message", equalTo("Good morning, Ada"))
                .body("metadata.steps.name", contains("salute"))
                .body("metadata.steps[0].status", equalTo("completed"));
        when().get("/info").then().body("pipeline.steps", contains("salute"));
    }
}
