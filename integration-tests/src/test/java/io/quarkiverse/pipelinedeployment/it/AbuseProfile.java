package io.quarkiverse.pipelinedeployment.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The example service under attack: API keys on (invoke and the custom endpoints are protected) and a 1 MiB body
 * limit, so the oversized bodies stay small.
 */
public class AbuseProfile implements QuarkusTestProfile {

    static final String KEY = "abuse-key-8c1f";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.pipeline.auth.api-keys", KEY, "quarkus.pipeline.max-request-size", "1M");
    }
}
