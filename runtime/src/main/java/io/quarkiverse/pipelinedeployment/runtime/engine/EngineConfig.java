package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Duration;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The checks of the engine's settings ({@code invoke-timeout}, the pool and queue sizes, {@code max-recorded-steps}).
 */
public final class EngineConfig {

    private EngineConfig() {
    }

    /**
     * Refuses values that cannot work, naming the key, so that the application does not start with them; called by
     * the recorder at startup.
     */
    public static void validate(PipelineRuntimeConfig config) {
        Duration timeout = config.invokeTimeout();
        if (timeout.isZero() || timeout.isNegative()) {
            throw invalid("invoke-timeout", timeout, "must be greater than 0");
        }
        if (config.threadPoolSize() < 1) {
            throw invalid("thread-pool-size", config.threadPoolSize(), "must be at least 1");
        }
        if (config.maxQueuedInvocations() < 0) {
            throw invalid("max-queued-invocations", config.maxQueuedInvocations(), "must not be negative");
        }
        if (config.maxRecordedSteps() < 1) {
            throw invalid("max-recorded-steps", config.maxRecordedSteps(), "must be at least 1");
        }
        Duration retention = config.runs().retention();
        if (retention.isZero() || retention.isNegative()) {
            throw invalid("runs.retention", retention, "must be greater than 0");
        }
        if (config.runs().maxRecords() < 1) {
            throw invalid("runs.max-records", config.runs().maxRecords(), "must be at least 1");
        }
        Duration keepalive = config.runs().keepaliveInterval();
        if (keepalive.toMillis() < 1) {
            throw invalid("runs.keepalive-interval", keepalive, "must be at least 1 ms");
        }
        if (config.runs().maxMemory().isPresent() && config.runs().maxMemory().get().asLongValue() < 1) {
            throw invalid("runs.max-memory", config.runs().maxMemory().get().asLongValue(), "must be greater than 0");
        }
        if (config.runs().maxEvents() < 1) {
            throw invalid("runs.max-events", config.runs().maxEvents(), "must be at least 1");
        }
        if (config.runs().lease().toMillis() < 3000) {
            throw invalid("runs.lease", config.runs().lease(), "must be at least 3s");
        }
    }

    private static ConfigurationException invalid(String key, Object value, String rule) {
        String property = "quarkus.pipeline." + key;
        String raw = ConfigProvider.getConfig().getConfigValue(property).getRawValue();
        return new ConfigurationException(property + "=" + (raw != null ? raw : value) + " is invalid: it " + rule,
                Set.of(property));
    }

}
