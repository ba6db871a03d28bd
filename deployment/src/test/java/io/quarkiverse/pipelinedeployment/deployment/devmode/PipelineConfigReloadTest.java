package io.quarkiverse.pipelinedeployment.deployment.devmode;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * Dev mode: editing {@code quarkus.pipeline.*} in {@code application.properties} applies on the next request, both
 * a run-time key (the title) and build-time keys that move and prune routes (the invoke path, the endpoint list).
 */
@ExtendWith(DevModePort.class)
public class PipelineConfigReloadTest {

    @RegisterExtension
    static final QuarkusDevModeTest config = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(GreetingPipeline.class, Greeter.class)
                    .addAsResource(new StringAsset("""
                            quarkus.pipeline.app-title=Greeter
                            quarkus.pipeline.invoke-path=/invoke
                            """ + DevModePort.PROPERTY), "application.properties"));

    @Test
    void editedSettingsApplyAfterReload() {
        when().get("/info").then().statusCode(200).body("app.title", equalTo("Greeter"));
        PipelineCodeReloadTest.invoke("{\"name\": \"Ada\"}").statusCode(200);
        when().get("/metrics").then().statusCode(200);

        config.modifyResourceFile("application.properties", properties -> properties
                .replace("quarkus.pipeline.app-title=Greeter", "quarkus.pipeline.app-title=Greeter v2")
                .replace("quarkus.pipeline.invoke-path=/invoke", "quarkus.pipeline.invoke-path=/greet")
                + "quarkus.pipeline.endpoints=invoke,info\n");

        when().get("/info").then().statusCode(200)
                .body("app.title", equalTo("Greeter v2"))
                .body("app.invoke_url_path", equalTo("/greet"));
        io.restassured.RestAssured.given().contentType("application/json")
                .body("{\"parameters\": {\"name\": \"Ada\"}}").post("/greet")
                .then().statusCode(200).body("outputs.message", equalTo("Hello Ada"));
        PipelineCodeReloadTest.invoke("{\"name\": \"Ada\"}").statusCode(404);
        when().get("/metrics").then().statusCode(404);
    }
}
