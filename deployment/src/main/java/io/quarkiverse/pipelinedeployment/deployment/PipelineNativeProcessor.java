package io.quarkiverse.pipelinedeployment.deployment;

import org.jboss.jandex.Type;

import io.quarkiverse.pipelinedeployment.DeploymentInfo;
import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.ValidationError;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveHierarchyBuildItem;

/**
 * Native image: registers for reflection what Jackson writes and reads: the wire DTOs, and the pipeline's
 * parameter and output types with everything they reach.
 */
class PipelineNativeProcessor {

    @BuildStep
    ReflectiveClassBuildItem registerWireTypes() {
        return ReflectiveClassBuildItem.builder(
                InvocationResponse.class, InvocationResponse.Metadata.class, InvocationResponse.StepExecution.class,
                DeploymentInfo.class, DeploymentInfo.Deployment.class, DeploymentInfo.Snapshot.class,
                DeploymentInfo.PipelineInfo.class, DeploymentInfo.App.class,
                ValidationError.class, EndpointDescriptor.class)
                .reason(getClass().getName())
                .methods().fields().constructors()
                .build();
    }

    @BuildStep
    void registerPipelineTypes(
            PipelineBuildItem pipeline,
            BuildProducer<ReflectiveHierarchyBuildItem> hierarchy) {
        for (Type type : pipeline.boundTypes()) {
            hierarchy.produce(ReflectiveHierarchyBuildItem.builder(type)
                    .source(getClass().getSimpleName() + " > " + pipeline.definition().getName())
                    .build());
        }
    }
}
