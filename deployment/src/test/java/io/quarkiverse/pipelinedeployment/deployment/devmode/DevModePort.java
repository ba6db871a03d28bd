package io.quarkiverse.pipelinedeployment.deployment.devmode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;

/**
 * The dev-mode tests serve on a free port, not on dev mode's 8080: that is the port of the README's
 * {@code ./mvnw quarkus:dev}, which may be running beside the tests. Their {@code application.properties} sets
 * {@link #PROPERTY}; this extension points RestAssured at it for each test.
 */
public final class DevModePort implements BeforeEachCallback, AfterEachCallback {

    static final int PORT = freePort();
    static final String PROPERTY = "quarkus.http.port=" + PORT + "\n";

    @Override
    public void beforeEach(ExtensionContext context) {
        RestAssured.port = PORT;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RestAssured.port = RestAssured.DEFAULT_PORT;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
