package io.quarkiverse.pipelinedeployment.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The abuse suite against the packaged application.
 */
@QuarkusIntegrationTest
public class AbuseIT extends AbuseTest {
}
