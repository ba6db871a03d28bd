package org.acme;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.PipelineParam;
import io.quarkiverse.pipelinedeployment.Step;

/**
 * An example pipeline: scales a feature vector, scores it with a small logistic model and flags it when the score
 * is above the threshold. Served at POST /invoke.
 */
@ApplicationScoped
public class ScoringPipeline {

    private static final double[] WEIGHTS = { 2.1, -0.7, 1.4, 0.9, -1.2, 0.5 };

    @Step
    double[] normalize(List<Double> features) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("features must not be empty");
        }
        double norm = 0;
        for (double f : features) {
            norm += f * f;
        }
        norm = Math.sqrt(norm);
        double[] x = new double[features.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = norm == 0 ? 0 : features.get(i) / norm;
        }
        return x;
    }

    @Step
    double score(double[] x) {
        double z = -0.3;
        for (int i = 0; i < x.length; i++) {
            z += WEIGHTS[i % WEIGHTS.length] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    @Pipeline(name = "scoring")
    public Verdict run(List<Double> features, @PipelineParam(defaultValue = "0.5") double threshold) {
        double s = score(normalize(features));
        return new Verdict(s, s > threshold);
    }

    public record Verdict(double score, boolean flagged) {
    }
}
