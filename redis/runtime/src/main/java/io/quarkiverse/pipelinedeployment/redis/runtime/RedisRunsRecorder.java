package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.util.function.Supplier;

import jakarta.enterprise.inject.Default;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.quarkiverse.pipelinedeployment.runtime.RunsConfig;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;
import io.quarkiverse.pipelinedeployment.runtime.runs.Runs;
import io.quarkus.arc.Arc;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/** Builds the Redis run store at startup, on the Redis client {@code quarkus.pipeline.runs.redis-client} names. */
@Recorder
public class RedisRunsRecorder {

    private final RuntimeValue<PipelineRuntimeConfig> config;

    public RedisRunsRecorder(RuntimeValue<PipelineRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * @param client the Redis client's name, or {@code null} for the default one
     * @param pipeline the pipeline's name: its runs' keys are under {@code pipeline:{<name>}:}
     */
    public Supplier<RunStore> store(String client, String pipeline) {
        RunsConfig runs = config.getValue().runs();
        return () -> {
            Redis redis = Arc.container()
                    .select(Redis.class, client == null ? Default.Literal.INSTANCE : RedisClientName.Literal.of(client))
                    .get();
            return new RedisRunStore(redis, Arc.container().instance(Vertx.class).get(), pipeline,
                    Arc.container().instance(ObjectMapper.class).get(), runs.retention().toMillis(), runs.maxEvents(),
                    runs.maxRecords(), runs.lease().toMillis());
        };
    }

    /**
     * This replica joins the shared queue and the leases, once the engine exists; it leaves them when the
     * application stops.
     */
    public void join(ShutdownContext shutdown) {
        PipelineRuntimeConfig runtimeConfig = config.getValue();
        RedisRunStore store = (RedisRunStore) Arc.container().instance(RunStore.class).get();
        PipelineRuntime runtime = Arc.container().instance(PipelineRuntime.class).get();
        DeploymentService service = Arc.container().instance(DeploymentService.class).get();
        store.join(new Runs(runtime, store, service), runtime, runtimeConfig.threadPoolSize(),
                runtimeConfig.maxQueuedInvocations(), runtimeConfig.runs().redelivery() == RunsConfig.Redelivery.RETRY,
                service::health);
        shutdown.addShutdownTask(store::close);
    }
}
