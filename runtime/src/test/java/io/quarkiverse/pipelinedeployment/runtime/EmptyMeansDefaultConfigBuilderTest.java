package io.quarkiverse.pipelinedeployment.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The interceptor on a real SmallRye configuration: which empty values it replaces, and which it leaves alone.
 */
class EmptyMeansDefaultConfigBuilderTest {

    private static SmallRyeConfig config(Map<String, String> properties, Map<String, String> env) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withDefaultValue("quarkus.pipeline.thread-pool-size", "40")
                .withDefaultValue("quarkus.pipeline.custom-endpoints.*.auth-required", "true")
                .withDefaultValue("quarkus.other.size", "7")
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new EnvConfigSource(env, 300));
        return new EmptyMeansDefaultConfigBuilder().configBuilder(builder).build();
    }

    @Test
    void anEmptyPipelineKeyTakesItsDefault() {
        SmallRyeConfig config = config(Map.of("quarkus.pipeline.thread-pool-size", "",
                "quarkus.pipeline.custom-endpoints.reload.auth-required", " "), Map.of());
        assertEquals(40, config.getValue("quarkus.pipeline.thread-pool-size", Integer.class));
        assertEquals(true, config.getValue("quarkus.pipeline.custom-endpoints.reload.auth-required", Boolean.class));
    }

    @Test
    void anEmptyVariableResetsAValueOfALowerSource() {
        SmallRyeConfig config = config(Map.of("quarkus.pipeline.thread-pool-size", "3"),
                Map.of("QUARKUS_PIPELINE_THREAD_POOL_SIZE", ""));
        assertEquals(40, config.getValue("quarkus.pipeline.thread-pool-size", Integer.class));
    }

    @Test
    void anExpressionThatExpandsToNothingIsEmpty() {
        SmallRyeConfig config = config(Map.of("quarkus.pipeline.thread-pool-size", "${POOL_SIZE_NOT_SET:}"), Map.of());
        assertEquals(40, config.getValue("quarkus.pipeline.thread-pool-size", Integer.class));
    }

    @Test
    void aValueIsKept() {
        SmallRyeConfig config = config(Map.of("quarkus.pipeline.thread-pool-size", "3"), Map.of());
        assertEquals(3, config.getValue("quarkus.pipeline.thread-pool-size", Integer.class));
    }

    @Test
    void otherKeysAreLeftAlone() {
        SmallRyeConfig config = config(Map.of("quarkus.other.size", "", "quarkus.pipeline.no-default", ""), Map.of());
        assertEquals("", config.getConfigValue("quarkus.other.size").getValue());
        assertEquals("", config.getConfigValue("quarkus.pipeline.no-default").getValue());
        assertFalse(config.getOptionalValue("quarkus.pipeline.no-default", String.class).isPresent());
    }
}
