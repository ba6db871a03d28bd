package io.quarkiverse.pipelinedeployment.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same checks against the packaged application (the jar, or the native executable with -Dnative).
 */
@QuarkusIntegrationTest
public class FraudScoringIT extends FraudScoringTest {
}
