package org.acme;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.PipelineParam;
import io.quarkiverse.pipelinedeployment.Step;

@ApplicationScoped
public class FraudScoring {

    @Step
    double[] normalize(List<Double> features) {
        double max = 0;
        for (double f : features) {
            max = Math.max(max, Math.abs(f));
        }
        double[] x = new double[features.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = max == 0 ? 0 : features.get(i) / max;
        }
        return x;
    }

    @Step
    double score(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return x.length == 0 ? 0 : sum / x.length;
    }

    @Pipeline(name = "fraud_scoring")
    public Verdict run(List<Double> features, @PipelineParam(defaultValue = "0.5") double threshold) {
        double s = score(normalize(features));
        return new Verdict(s, s > threshold);
    }
}
