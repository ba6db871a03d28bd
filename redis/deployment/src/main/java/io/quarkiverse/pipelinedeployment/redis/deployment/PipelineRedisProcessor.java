package io.quarkiverse.pipelinedeployment.redis.deployment;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import jakarta.inject.Singleton;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig.RunStoreKind;
import io.quarkiverse.pipelinedeployment.deployment.engine.PipelineBuildItem;
import io.quarkiverse.pipelinedeployment.redis.runtime.RedisRunStoreCheck;
import io.quarkiverse.pipelinedeployment.redis.runtime.RedisRunsRecorder;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.redis.deployment.client.RequestedRedisClientBuildItem;
import io.quarkus.redis.runtime.client.config.RedisConfig;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

/**
 * The Redis run store, when {@code quarkus.pipeline.runs.store=redis}: asks the Redis extension for the client
 * {@code runs.redis-client} names (so that it exists even when its hosts are only known at run time), and registers
 * the store as the {@code RunStore} bean in place of the in-memory one.
 */
class PipelineRedisProcessor {

    private static final String FEATURE = "pipeline-deployment-redis";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep(onlyIf = RedisStoreSelected.class)
    RequestedRedisClientBuildItem requestClient(PipelineBuildTimeConfig config) {
        return new RequestedRedisClientBuildItem(config.runs().redisClient().orElse(RedisConfig.DEFAULT_CLIENT_NAME));
    }

    @BuildStep(onlyIf = RedisStoreSelected.class)
    @Record(RUNTIME_INIT)
    SyntheticBeanBuildItem registerRunStore(PipelineBuildTimeConfig config, PipelineBuildItem pipeline,
            RedisRunsRecorder recorder) {
        return SyntheticBeanBuildItem.configure(RunStore.class)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .supplier(recorder.store(config.runs().redisClient().orElse(null), pipeline.definition().getName()))
                .done();
    }

    @BuildStep(onlyIf = RedisStoreSelected.class)
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    ServiceStartBuildItem joinSharedQueue(RedisRunsRecorder recorder, ShutdownContextBuildItem shutdown) {
        recorder.join(shutdown);
        return new ServiceStartBuildItem(FEATURE);
    }

    @BuildStep(onlyIf = RedisStoreSelected.class)
    HealthBuildItem storeReadiness() {
        return new HealthBuildItem(RedisRunStoreCheck.class.getName(), true);
    }

    /** Whether {@code quarkus.pipeline.runs.store=redis}. */
    static final class RedisStoreSelected implements java.util.function.BooleanSupplier {

        private final PipelineBuildTimeConfig config;

        RedisStoreSelected(PipelineBuildTimeConfig config) {
            this.config = config;
        }

        @Override
        public boolean getAsBoolean() {
            return config.runs().store() == RunStoreKind.REDIS;
        }
    }
}
