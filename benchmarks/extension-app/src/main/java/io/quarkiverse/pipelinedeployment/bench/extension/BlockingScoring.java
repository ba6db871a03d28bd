package io.quarkiverse.pipelinedeployment.bench.extension;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.PipelineParam;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkiverse.pipelinedeployment.bench.scoring.FraudModel;

/**
 * The fraud-scoring pipeline, blocking (the default): it runs on the invocation pool.
 */
@ApplicationScoped
public class BlockingScoring {

    @Step
    double[] normalize(List<Double> features) {
        return FraudModel.normalize(features);
    }

    @Step
    double score(double[] x) {
        return FraudModel.score(x);
    }

    @Pipeline(name = "fraud_scoring")
    public Verdict run(List<Double> features, @PipelineParam(defaultValue = "0.5") double threshold) {
        double s = score(normalize(features));
        return new Verdict(s, s > threshold);
    }
}
