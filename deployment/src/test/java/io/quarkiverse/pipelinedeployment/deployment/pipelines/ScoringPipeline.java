package io.quarkiverse.pipelinedeployment.deployment.pipelines;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.PipelineParam;
import io.quarkiverse.pipelinedeployment.Step;

/**
 * The SPEC's example: two steps called on the bean itself, a record output and a parameter with a default.
 */
@ApplicationScoped
public class ScoringPipeline {

    @Step
    double[] normalize(List<Double> features) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("features must not be empty");
        }
        double sum = 0;
        for (double f : features) {
            sum += f;
        }
        double[] x = new double[features.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = sum == 0 ? 0 : features.get(i) / sum;
        }
        return x;
    }

    @Step(name = "weighted_score")
    double score(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * (i + 1);
        }
        return s / x.length;
    }

    @Pipeline(name = "fraud_scoring")
    public Verdict run(List<Double> features, @PipelineParam(defaultValue = "0.5") double threshold) {
        double s = score(normalize(features));
        return new Verdict(s, s > threshold);
    }

    public record Verdict(double score, boolean flagged) {
    }
}
