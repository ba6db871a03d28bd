package io.quarkiverse.pipelinedeployment.bench.extension;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.PipelineParam;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkiverse.pipelinedeployment.bench.scoring.FraudModel;
import io.smallrye.common.annotation.NonBlocking;

/**
 * The same pipeline, {@code @NonBlocking}: it runs on the event loop. Selected at build time with
 * {@code -Dquarkus.pipeline.name=fraud_scoring_nb}.
 */
@ApplicationScoped
public class NonBlockingScoring {

    @Step(name = "normalize")
    double[] normalize(List<Double> features) {
        return FraudModel.normalize(features);
    }

    @Step(name = "score")
    double score(double[] x) {
        return FraudModel.score(x);
    }

    @NonBlocking
    @Pipeline(name = "fraud_scoring_nb")
    public Verdict run(List<Double> features, @PipelineParam(defaultValue = "0.5") double threshold) {
        double s = score(normalize(features));
        return new Verdict(s, s > threshold);
    }
}
