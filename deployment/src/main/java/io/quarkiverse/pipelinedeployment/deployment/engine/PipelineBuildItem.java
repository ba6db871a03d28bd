package io.quarkiverse.pipelinedeployment.deployment.engine;

import java.util.List;

import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineDefinition;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The deployed pipeline, discovered in the Jandex index and resolved by {@code PipelineProcessor}. Consumed by the
 * invoker, bean, endpoint and native-image steps.
 */
public final class PipelineBuildItem extends SimpleBuildItem {

    private final PipelineDefinition definition;
    private final MethodInfo method;
    private final List<Type> boundTypes;

    /**
     * @param boundTypes the parameter and output types Jackson reads or writes, for reflection registration
     */
    PipelineBuildItem(PipelineDefinition definition, MethodInfo method, List<Type> boundTypes) {
        this.definition = definition;
        this.method = method;
        this.boundTypes = List.copyOf(boundTypes);
    }

    public PipelineDefinition definition() {
        return definition;
    }

    public MethodInfo method() {
        return method;
    }

    public List<Type> boundTypes() {
        return boundTypes;
    }
}
