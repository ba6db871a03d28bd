package io.quarkiverse.pipelinedeployment.deployment.pipelines;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;

/**
 * A pipeline whose second step throws.
 */
@ApplicationScoped
public class FailingPipeline {

    @Step
    int prepare(int amount) {
        return amount * 2;
    }

    @Step
    int charge(int amount) {
        throw new IllegalStateException("card declined for amount " + amount);
    }

    @Pipeline
    public int payment(int amount) {
        return charge(prepare(amount));
    }
}
