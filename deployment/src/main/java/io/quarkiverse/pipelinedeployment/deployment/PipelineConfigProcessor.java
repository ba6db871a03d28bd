package io.quarkiverse.pipelinedeployment.deployment;

import io.quarkiverse.pipelinedeployment.runtime.EmptyMeansDefaultConfigBuilder;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.RunTimeConfigBuilderBuildItem;
import io.quarkus.deployment.builditem.StaticInitConfigBuilderBuildItem;

/**
 * How the deployment's configuration is read: an empty value of a {@code quarkus.pipeline.*} key means its default.
 */
class PipelineConfigProcessor {

    @BuildStep
    void registerEmptyMeansDefault(
            BuildProducer<StaticInitConfigBuilderBuildItem> staticInit,
            BuildProducer<RunTimeConfigBuilderBuildItem> runTime) {
        staticInit.produce(new StaticInitConfigBuilderBuildItem(EmptyMeansDefaultConfigBuilder.class));
        runTime.produce(new RunTimeConfigBuilderBuildItem(EmptyMeansDefaultConfigBuilder.class));
    }
}
