package io.quarkiverse.pipelinedeployment.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ClientExamplesTest} against the packaged application.
 */
@QuarkusIntegrationTest
public class ClientExamplesIT extends ClientExamplesTest {
}
