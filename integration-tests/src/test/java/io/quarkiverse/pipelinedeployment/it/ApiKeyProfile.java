package io.quarkiverse.pipelinedeployment.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The example service with API-key authentication on (invoke is protected by default).
 */
public class ApiKeyProfile implements QuarkusTestProfile {

    static final String KEY = "dashboard-key-123";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.pipeline.auth.api-keys", "old-key," + KEY);
    }
}
