package org.acme;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.DeploymentInfo;

/**
 * The ZenML guide's three custom endpoints: a direct method, and two builder methods called once at startup.
 */
public class Endpoints {

    /** 1) Direct method: a detailed health check. */
    public static Map<String, Object> healthDetailed() {
        Runtime runtime = Runtime.getRuntime();
        return Map.of(
                "status", "healthy",
                "load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                "memory_percent", 100.0 * (runtime.totalMemory() - runtime.freeMemory()) / runtime.maxMemory(),
                "processors", runtime.availableProcessors());
    }

    /** 2) Builder method: loads the model once, returns the endpoint; {@code model_path} binds to modelPath. */
    public static PredictEndpoint buildPredictEndpoint(AppRunner runner, String modelPath) {
        return new PredictEndpoint(Model.load(modelPath));
    }

    /** 3) Builder method: the deployment info. */
    public static DeploymentInfoEndpoint buildDeploymentInfo(AppRunner runner) {
        return new DeploymentInfoEndpoint(runner);
    }

    public record PredictionResponse(double prediction, double confidence) {
    }

    /** The endpoint: its {@code handle(...)} parameters bind from the JSON body, by name. */
    public record PredictEndpoint(Model model) {
        public PredictionResponse handle(List<Double> features) {
            return new PredictionResponse(model.predict(features), 0.9);
        }
    }

    public record DeploymentInfoEndpoint(AppRunner runner) {
        public DeploymentInfo handle() {
            return runner.deployment();
        }
    }

    /** Stands in for your model library: "loading" remembers the path, predicting sums the features. */
    public record Model(String path) {
        static Model load(String path) {
            return new Model(path);
        }

        double predict(List<Double> features) {
            return features.stream().mapToDouble(Double::doubleValue).sum();
        }
    }
}
