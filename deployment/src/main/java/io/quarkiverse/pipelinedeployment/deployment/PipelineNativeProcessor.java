package io.quarkiverse.pipelinedeployment.deployment;

import java.util.Set;
import java.util.TreeSet;

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
            BuildProducer<ReflectiveHierarchyBuildItem> hierarchy,
            BuildProducer<ReflectiveClassBuildItem> classes) {
        Set<String> rawClasses = new TreeSet<>();
        for (Type type : pipeline.boundTypes()) {
            hierarchy.produce(ReflectiveHierarchyBuildItem.builder(type)
                    .source(getClass().getSimpleName() + " > " + pipeline.definition().getName())
                    .build());
            collectRawClasses(type, rawClasses);
        }
        // The parameter binder resolves each parameter's generic type by name (Class.forName) at startup
        classes.produce(ReflectiveClassBuildItem.builder(rawClasses.toArray(new String[0]))
                .reason(getClass().getName())
                .build());
    }

    private static void collectRawClasses(Type type, Set<String> names) {
        switch (type.kind()) {
            case CLASS -> names.add(type.name().toString());
            case ARRAY -> collectRawClasses(type.asArrayType().elementType(), names);
            case PARAMETERIZED_TYPE -> {
                names.add(type.name().toString());
                for (Type argument : type.asParameterizedType().arguments()) {
                    collectRawClasses(argument, names);
                }
            }
            case WILDCARD_TYPE -> {
                if (type.asWildcardType().extendsBound() != null) {
                    collectRawClasses(type.asWildcardType().extendsBound(), names);
                }
            }
            default -> {
                // primitives need no registration; type variables resolve to their bounds, Object at worst
            }
        }
    }
}
