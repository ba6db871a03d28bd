package io.quarkiverse.pipelinedeployment.it;

import java.util.ArrayList;
import java.util.List;

/**
 * A direct-method custom endpoint ({@code POST /explain}, see application.properties): each feature's contribution
 * to the score's logit, bound from the JSON body by parameter name.
 */
public class Explain {

    public static List<Double> explain(List<Double> features) {
        List<Double> weights = FraudScoring.weights();
        List<Double> contributions = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            contributions.add(weights.get(i % weights.size()) * features.get(i));
        }
        return contributions;
    }
}
