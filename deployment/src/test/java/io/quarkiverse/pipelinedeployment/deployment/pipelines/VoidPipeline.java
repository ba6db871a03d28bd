package io.quarkiverse.pipelinedeployment.deployment.pipelines;

import io.quarkiverse.pipelinedeployment.Pipeline;

/**
 * Returns nothing: the outputs are {}.
 */
public class VoidPipeline {

    @Pipeline
    public void fireAndForget(String message) {
    }
}
