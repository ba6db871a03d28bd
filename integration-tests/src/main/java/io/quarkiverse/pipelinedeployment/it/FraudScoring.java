package io.quarkiverse.pipelinedeployment.it;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.PipelineParam;
import io.quarkiverse.pipelinedeployment.Step;

/**
 * The example pipeline: scores a transaction's feature vector with a small logistic model and flags it when the
 * score is above the threshold.
 */
@ApplicationScoped
public class FraudScoring {

    /** Weights of the logistic model, one per feature (cycled for longer vectors). */
    private static final double[] WEIGHTS = { 2.1, -0.7, 1.4, 0.9, -1.2, 0.5 };
    private static final double BIAS = -0.3;

    /**
     * Scales the features to unit length, so the score does not depend on the vector's magnitude.
     */
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

    /**
     * The fraud probability: the logistic function of the weighted features.
     */
    @Step
    double score(double[] x) {
        double z = BIAS;
        for (int i = 0; i < x.length; i++) {
            z += WEIGHTS[i % WEIGHTS.length] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The model's weights, for the custom endpoints that describe it. */
    static List<Double> weights() {
        List<Double> weights = new java.util.ArrayList<>(WEIGHTS.length);
        for (double w : WEIGHTS) {
            weights.add(w);
        }
        return weights;
    }

    static int featureCount() {
        return WEIGHTS.length;
    }

    static double bias() {
        return BIAS;
    }

    @Pipeline(name = "fraud_scoring")
    public Verdict run(List<Double> features, @PipelineParam(defaultValue = "0.5") double threshold) {
        double s = score(normalize(features));
        return new Verdict(s, s > threshold);
    }
}
