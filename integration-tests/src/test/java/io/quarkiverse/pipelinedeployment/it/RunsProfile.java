package io.quarkiverse.pipelinedeployment.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test application serving {@link SlowCount} instead of the example pipeline, for the runs view.
 */
public class RunsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.pipeline.name", "slow_count");
    }
}
