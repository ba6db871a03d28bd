package io.quarkiverse.pipelinedeployment.deployment.pipelines;

import io.quarkiverse.pipelinedeployment.Pipeline;

/**
 * A second pipeline, to make the choice ambiguous next to {@link ScoringPipeline}.
 */
public class OtherPipeline {

    @Pipeline(name = "other")
    public String greet(String who) {
        return "hello " + who;
    }
}
