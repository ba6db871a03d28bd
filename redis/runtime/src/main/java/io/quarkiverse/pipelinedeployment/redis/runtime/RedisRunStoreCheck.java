package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Readiness reports the run store: {@code "available": true} while Redis answers {@code PING} within a second, else
 * {@code false} with the error. It stays UP either way: while Redis is unavailable the replica still serves
 * synchronous invocations (unrecorded), so it must stay in the load balancer; the asynchronous side answers 503.
 */
@Readiness
@Singleton
public class RedisRunStoreCheck implements AsyncHealthCheck {

    static final String NAME = "pipeline-run-store";

    @Inject
    RunStore store;

    @Override
    public Uni<HealthCheckResponse> call() {
        return ((RedisRunStore) store).ping(Duration.ofSeconds(1))
                .map(error -> {
                    var response = HealthCheckResponse.named(NAME).up().withData("store", "redis")
                            .withData("available", error == null);
                    return (error == null ? response : response.withData("error", error)).build();
                });
    }
}
