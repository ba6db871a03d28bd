package io.quarkiverse.pipelinedeployment.deployment.dashboard;

import static io.restassured.RestAssured.given;
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
import io.restassured.specification.RequestSpecification;

/**
 * Files of the user's dashboard folder whose names need percent-encoding in a URL are served at their encoded
 * paths; decoding never reaches outside the folder.
 */
public class DashboardEncodedFileNamesTest {

    static final Path WEB = createWeb();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.dashboard-files-path", WEB.toString());

    static Path createWeb() {
        try {
            Path base = Files.createTempDirectory("encoded-dashboard");
            Path web = Files.createDirectories(base.resolve("web"));
            Files.writeString(web.resolve("index.html"), "<html><body>my app</body></html>");
            Files.createDirectories(web.resolve("assets"));
            Files.writeString(web.resolve("assets/my file.js"), "console.log('space');");
            Files.writeString(web.resolve("assets/naïve.css"), "body { color: red; }");
            Files.writeString(web.resolve("a+b.txt"), "plus");
            Files.writeString(web.resolve("100%.txt"), "percent");
            Files.writeString(base.resolve("pom.xml"), "<project/>");
            return web;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the path exactly as written. */
    static RequestSpecification raw() {
        return given().urlEncodingEnabled(false);
    }

    @Test
    void encodedNamesAreServed() {
        raw().get("/assets/my%20file.js").then().statusCode(200).contentType(startsWith("text/javascript"))
                .body(equalTo("console.log('space');"));
        raw().get("/assets/na%C3%AFve.css").then().statusCode(200).contentType(startsWith("text/css"))
                .body(equalTo("body { color: red; }"));
        raw().get("/a+b.txt").then().statusCode(200).body(equalTo("plus"));
        raw().get("/a%2Bb.txt").then().statusCode(200).body(equalTo("plus"));
        raw().get("/100%25.txt").then().statusCode(200).body(equalTo("percent"));
    }

    @Test
    void aPlusIsNotASpace() {
        raw().get("/assets/my+file.js").then().statusCode(404).body("detail", equalTo("Not Found"));
    }

    @Test
    void decodingNeverLeavesTheFolder() {
        raw().get("/%2e%2e/%2e%2e/etc/passwd").then().statusCode(404).body("detail", equalTo("Not Found"));
        raw().get("/assets%2f..%2f..%2fpom.xml").then().statusCode(404).body("detail", equalTo("Not Found"));
        raw().get("/assets%2F..%2F..%2Fpom.xml").then().statusCode(404).body("detail", equalTo("Not Found"));
        raw().get("/..%2fpom.xml").then().statusCode(404).body("detail", equalTo("Not Found"));
        raw().get("/%2e%2e%2fpom.xml").then().statusCode(404).body("detail", equalTo("Not Found"));
    }
}
