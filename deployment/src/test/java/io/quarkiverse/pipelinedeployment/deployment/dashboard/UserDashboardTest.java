package io.quarkiverse.pipelinedeployment.deployment.dashboard;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * dashboard-files-path replaces the bundled UI with the user's SPA: files at their relative paths, index.html at
 * the root and as the browser fallback, nothing outside the folder.
 */
public class UserDashboardTest {

    static final Path WEB = createWeb();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.dashboard-files-path", WEB.toString())
            .overrideConfigKey("quarkus.pipeline.api-path", "/api");

    static Path createWeb() {
        try {
            Path base = Files.createTempDirectory("user-dashboard");
            Path web = Files.createDirectories(base.resolve("web"));
            Files.writeString(web.resolve("index.html"), "<html><body>my app</body></html>");
            Files.createDirectories(web.resolve("assets"));
            Files.writeString(web.resolve("assets/app.js"), "console.log('app');");
            Files.writeString(base.resolve("secret.txt"), "top secret");
            Files.createSymbolicLink(web.resolve("leak.txt"), base.resolve("secret.txt"));
            return web;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void userFilesAreServed() {
        when().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(equalTo("<html><body>my app</body></html>"));
        when().get("/index.html").then().statusCode(200);
        when().get("/assets/app.js").then().statusCode(200).contentType(startsWith("text/javascript"))
                .body(equalTo("console.log('app');"));
        when().get("/static/dashboard.js").then().statusCode(404);
    }

    @Test
    void nothingOutsideTheFolder() {
        when().get("/leak.txt").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/../secret.txt").then().statusCode(404);
        when().get("/assets/../../secret.txt").then().statusCode(404);
        when().get("/assets/%2e%2e/%2e%2e/secret.txt").then().statusCode(404);
    }

    @Test
    void spaFallback() {
        given().accept("text/html").get("/orders/7").then().statusCode(200)
                .body(equalTo("<html><body>my app</body></html>"));
        given().accept("text/html").get("/api/nope").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/orders/7").then().statusCode(404).body("detail", equalTo("Not Found"));
    }
}
