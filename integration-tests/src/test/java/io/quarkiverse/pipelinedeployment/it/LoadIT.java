package io.quarkiverse.pipelinedeployment.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same load against the packaged application.
 */
@QuarkusIntegrationTest
public class LoadIT extends LoadTest {
}
