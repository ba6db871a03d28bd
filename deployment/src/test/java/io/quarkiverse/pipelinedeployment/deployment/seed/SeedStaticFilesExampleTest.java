package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's "Static files (SPA)" as {@code static-files.properties}. The example's {@code web/build} is relative
 * to the project directory; the test points the same key at a folder it creates.
 */
public class SeedStaticFilesExampleTest {

    static final Path BUILD = createBuild();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "static-files"))
            .overrideConfigKey("quarkus.pipeline.dashboard-files-path", BUILD.toString());

    static Path createBuild() {
        try {
            Path build = Files.createDirectories(Files.createTempDirectory("seed-spa").resolve("web/build"));
            Files.writeString(build.resolve("index.html"), "<html><body>operator console</body></html>");
            Files.createDirectories(build.resolve("assets"));
            Files.writeString(build.resolve("assets/app.js"), "console.log('console');");
            return build;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSpaIsServedNextToTheApi() {
        when().get("/").then().statusCode(200).body(equalTo("<html><body>operator console</body></html>"));
        when().get("/assets/app.js").then().statusCode(200).body(equalTo("console.log('console');"));
        when().get("/info").then().statusCode(200);
    }
}
