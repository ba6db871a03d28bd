package io.quarkiverse.pipelinedeployment.deployment.execution;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;

/**
 * Calls its {@code tick} step {@code times} times.
 */
@ApplicationScoped
public class RepeatingPipeline {

    @Step
    int tick(int i) {
        return i + 1;
    }

    @Pipeline
    public int repeat(int times) {
        int last = 0;
        for (int i = 0; i < times; i++) {
            last = tick(i);
        }
        return last;
    }
}
