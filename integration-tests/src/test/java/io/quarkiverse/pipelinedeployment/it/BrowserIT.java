package io.quarkiverse.pipelinedeployment.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The browser checks against the packaged application.
 */
@QuarkusIntegrationTest
public class BrowserIT extends BrowserTest {
}
