package io.quarkiverse.pipelinedeployment.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.pipelinedeployment.DeploymentInfo;
import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.ValidationError;
import io.quarkiverse.pipelinedeployment.deployment.engine.PipelineBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.engine.PipelineScanner;
import io.quarkiverse.pipelinedeployment.runtime.engine.EnvelopeJson;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvent;
import io.quarkiverse.pipelinedeployment.runtime.http.RunJson;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveHierarchyBuildItem;

/**
 * Native image: registers for reflection what Jackson writes and reads: the wire DTOs, the pipeline's parameter
 * and output types with everything they reach, and the types the {@code @Step} methods take and return. The custom
 * endpoint, middleware and extension classes are registered where they are resolved (their processors), the
 * dashboard and docs resources where they are bundled; {@code NativeRegistrationTest} checks all of them.
 */
class PipelineNativeProcessor {

    @BuildStep
    ReflectiveClassBuildItem registerWireTypes() {
        return ReflectiveClassBuildItem.builder(
                InvocationResponse.class, InvocationResponse.Metadata.class, InvocationResponse.StepExecution.class,
                DeploymentInfo.class, DeploymentInfo.Deployment.class, DeploymentInfo.Snapshot.class,
                DeploymentInfo.PipelineInfo.class, DeploymentInfo.App.class,
                ValidationError.class, EndpointDescriptor.class,
                // Instantiated by Jackson (@JsonSerialize(using = ...))
                EnvelopeJson.Response.class, EnvelopeJson.Metadata.class)
                .reason(getClass().getName())
                .methods().fields().constructors()
                .build();
    }

    /** What Jackson writes for runs: the records of the runs endpoint and the data of the built-in events. */
    @BuildStep
    ReflectiveClassBuildItem registerRunTypes() {
        List<String> names = new ArrayList<>();
        for (String record : List.of("Links", "Submitted", "Record", "Summary", "Listed")) {
            names.add(RunJson.class.getName() + "$" + record);
        }
        for (Class<?> data : List.of(RunEvent.Queued.class, RunEvent.Started.class, RunEvent.StepStarted.class,
                RunEvent.StepEnded.class, RunEvent.Gap.class)) {
            names.add(data.getName());
        }
        return ReflectiveClassBuildItem.builder(names.toArray(new String[0]))
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

    @BuildStep
    void registerStepTypes(
            CombinedIndexBuildItem index,
            BuildProducer<ReflectiveHierarchyBuildItem> hierarchy) {
        // What the steps take and return: often the pipeline's own types, and written by user code that serializes
        // them; each distinct type once (List<Double> and List<String> are two)
        Set<Type> registered = new HashSet<>();
        for (AnnotationInstance step : index.getIndex().getAnnotations(PipelineScanner.STEP)) {
            if (step.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = step.target().asMethod();
            List<Type> types = new ArrayList<>(method.parameterTypes());
            types.add(method.returnType());
            for (Type type : types) {
                if (type.kind() == Type.Kind.PRIMITIVE || type.kind() == Type.Kind.VOID
                        || type.kind() == Type.Kind.TYPE_VARIABLE || !registered.add(type)) {
                    continue;
                }
                hierarchy.produce(ReflectiveHierarchyBuildItem.builder(type)
                        .source(getClass().getSimpleName() + " > @Step " + ClassReference.of(method))
                        .build());
            }
        }
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
