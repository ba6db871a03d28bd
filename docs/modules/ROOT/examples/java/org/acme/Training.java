package org.acme;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunContext;
import io.quarkiverse.pipelinedeployment.Step;

@ApplicationScoped
public class Training {

    // tag::progress[]
    @Inject
    RunContext run;

    @Step
    double train(int epochs, long epochMillis) throws InterruptedException {
        double loss = 1.0;
        for (int epoch = 1; epoch <= epochs && !run.isCancelled(); epoch++) {
            Thread.sleep(epochMillis); // one epoch of work
            loss /= 2;
            run.publish("epoch", Map.of("epoch", epoch, "loss", loss));
        }
        return loss;
    }
    // end::progress[]

    @Step
    String report(double loss) {
        return "final loss " + loss;
    }

    @Pipeline
    public String training(int epochs, long epochMillis) throws InterruptedException {
        return report(train(epochs, epochMillis));
    }
}
