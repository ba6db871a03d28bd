package io.quarkiverse.pipelinedeployment.deployment.devmode;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * Dev mode: editing the {@code @Pipeline} method reloads the service with its new behaviour, parameters and schema.
 */
@ExtendWith(DevModePort.class)
public class PipelineCodeReloadTest {

    @RegisterExtension
    static final QuarkusDevModeTest config = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(GreetingPipeline.class, Greeter.class)
                    .addAsResource(new StringAsset(DevModePort.PROPERTY), "application.properties"));

    @Test
    void editedPipelineIsServedAfterReload() {
        invoke("{\"name\": \"Ada\"}").statusCode(200).body("outputs.message", equalTo("Hello Ada"));
        when().get("/info").then().body("pipeline.input_schema.properties.punctuation", nullValue());

        // A new parameter with a default, and a new body
        config.modifySourceFile(GreetingPipeline.class, source -> source
                .replace("public Greeting greet(String name) {",
                        "public Greeting greet(String name, @io.quarkiverse.pipelinedeployment.PipelineParam("
                                + "defaultValue = \"!\") String punctuation) {")
                .replace("return new Greeting(greeter.greet(name));",
                        "return new Greeting(greeter.greet(name.toUpperCase()) + punctuation);"));

        invoke("{\"name\": \"Ada\"}").statusCode(200).body("outputs.message", equalTo("Hello ADA!"));
        invoke("{\"name\": \"Ada\", \"punctuation\": \"?\"}").statusCode(200)
                .body("outputs.message", equalTo("Hello ADA?"));
        when().get("/info").then()
                .body("pipeline.input_schema.properties.punctuation.type", equalTo("string"))
                .body("pipeline.parameters.punctuation", equalTo("!"))
                .body("pipeline.steps", contains("greet"));
    }

    static io.restassured.response.ValidatableResponse invoke(String parameters) {
        return given().contentType("application/json").body("{\"parameters\": " + parameters + "}").post("/invoke")
                .then().log().ifValidationFails();
    }
}
