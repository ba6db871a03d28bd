package io.quarkiverse.pipelinedeployment.bench.scoring;

import java.util.List;

/**
 * The fraud-scoring work of SPEC §3, shared by every benchmark app so that each does exactly the same: scale the
 * features to unit length, then a logistic score of the weighted features.
 */
public final class FraudModel {

    private static final double[] WEIGHTS = { 2.1, -0.7, 1.4, 0.9, -1.2, 0.5 };
    private static final double BIAS = -0.3;

    private FraudModel() {
    }

    /** The first step: the features scaled to unit length. */
    public static double[] normalize(List<Double> features) {
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

    /** The second step: the fraud probability. */
    public static double score(double[] x) {
        double z = BIAS;
        for (int i = 0; i < x.length; i++) {
            z += WEIGHTS[i % WEIGHTS.length] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
