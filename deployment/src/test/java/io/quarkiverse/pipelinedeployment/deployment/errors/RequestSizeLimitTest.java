package io.quarkiverse.pipelinedeployment.deployment.errors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * A body over quarkus.pipeline.max-request-size gets 413 with one JSON body, whether announced by Content-Length or
 * streamed, on invoke and on a custom endpoint alike.
 */
public class RequestSizeLimitTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, LargeBodyDefaultLimitTest.class,
                    LargeBodyDefaultLimitTest.SizeEndpoint.class))
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.path", "/size")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.method", "POST")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.handler",
                    LargeBodyDefaultLimitTest.SizeEndpoint.class.getName() + "#size")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.auth-required", "false")
            .overrideRuntimeConfigKey("quarkus.pipeline.max-request-size", "1K");

    static final String TOO_LARGE = "Request body too large: the limit is 1024 bytes "
            + "(quarkus.pipeline.max-request-size)";

    @TestHTTPResource("/")
    URL root;

    private static String body(int features) {
        StringBuilder sb = new StringBuilder("{\"parameters\": {\"features\": [1");
        for (int i = 1; i < features; i++) {
            sb.append(", 1");
        }
        return sb.append("]}}").toString();
    }

    @Test
    void underTheLimit() {
        given().contentType("application/json").body(body(100)).post("/invoke").then().statusCode(200)
                .body("success", equalTo(true));
    }

    @Test
    void overTheLimitWithContentLength() {
        given().contentType("application/json").body(body(1000)).post("/invoke").then().statusCode(413)
                .contentType("application/json")
                .body("detail", containsString("quarkus.pipeline.max-request-size"));
    }

    @Test
    void answeredBeforeTheBodyIsSent() throws Exception {
        // Announce 100 MB, send ten bytes: the 413 comes at once, without waiting for the rest
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /invoke HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 104857600\r\n\r\n{\"paramete").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
    }

    @Test
    void overTheLimitChunked() {
        // An InputStream body is sent with chunked transfer encoding: no Content-Length to check up front
        given().contentType("application/json")
                .body(new ByteArrayInputStream(body(1000).getBytes(StandardCharsets.UTF_8)))
                .post("/invoke").then().statusCode(413)
                .contentType("application/json")
                .body("detail", equalTo(TOO_LARGE));
    }

    @Test
    void oneAnswerForInvokeAndCustomEndpoints() {
        String large = LargeBodyDefaultLimitTest.paddedBody("{}", 4096);
        for (String path : new String[] { "/invoke", "/size" }) {
            given().contentType("application/json").body(large).post(path).then().statusCode(413)
                    .contentType("application/json")
                    .body("detail", equalTo(TOO_LARGE));
            given().contentType("application/json")
                    .body(new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8)))
                    .post(path).then().statusCode(413)
                    .contentType("application/json")
                    .body("detail", equalTo(TOO_LARGE));
        }
        given().contentType("application/json").body(LargeBodyDefaultLimitTest.paddedBody("{}", 512))
                .post("/size").then().statusCode(200);
    }
}
