package org.acme;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ScoringPipelineIT extends ScoringPipelineTest {
    // Execute the same tests but in packaged mode.
}
