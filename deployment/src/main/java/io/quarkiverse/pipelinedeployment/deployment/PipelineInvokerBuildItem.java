package io.quarkiverse.pipelinedeployment.deployment;

import io.quarkus.arc.processor.InvokerInfo;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The ArC invoker generated for the {@code @Pipeline} method: a class that calls it without reflection, looking the
 * bean instance up. Produced during ArC's validation phase, consumed by the runtime bean step.
 */
final class PipelineInvokerBuildItem extends SimpleBuildItem {

    private final InvokerInfo invoker;

    PipelineInvokerBuildItem(InvokerInfo invoker) {
        this.invoker = invoker;
    }

    InvokerInfo invoker() {
        return invoker;
    }
}
