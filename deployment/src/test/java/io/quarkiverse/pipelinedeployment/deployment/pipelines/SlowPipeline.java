package io.quarkiverse.pipelinedeployment.deployment.pipelines;

import io.quarkiverse.pipelinedeployment.Pipeline;

/**
 * Sleeps for the given number of milliseconds, then returns them.
 */
public class SlowPipeline {

    @Pipeline
    public long sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }
}
