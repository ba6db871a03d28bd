package io.quarkiverse.pipelinedeployment.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The authenticated dashboard against the packaged application.
 */
@QuarkusIntegrationTest
public class AuthBrowserIT extends AuthBrowserTest {
}
