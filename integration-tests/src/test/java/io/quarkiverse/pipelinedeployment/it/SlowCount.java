package io.quarkiverse.pipelinedeployment.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunContext;
import io.quarkiverse.pipelinedeployment.Step;

/**
 * A long-running pipeline for the runs view of the dashboard ({@link RunsBrowserTest}, selected by
 * {@link RunsProfile}): one step per tick, each publishing a {@code progress} event, so a run can be followed live and
 * cancelled.
 */
@ApplicationScoped
public class SlowCount {

    @Inject
    RunContext run;

    @Step
    int tick(int i, long millis) throws InterruptedException {
        Thread.sleep(millis);
        run.publish("progress", java.util.Map.of("tick", i));
        return i;
    }

    @Pipeline(name = "slow_count")
    public int count(int ticks, long millis) throws InterruptedException {
        int total = 0;
        for (int i = 1; i <= ticks; i++) {
            total += tick(i, millis);
        }
        return total;
    }
}
