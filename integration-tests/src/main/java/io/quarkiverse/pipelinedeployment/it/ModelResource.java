package io.quarkiverse.pipelinedeployment.it;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A native JAX-RS custom endpoint (see {@code quarkus.pipeline.custom-endpoints.model} in application.properties):
 * the scoring model's description, served by Quarkus REST under {@code /model}, behind the API keys when they are set.
 */
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    @GET
    public Map<String, Object> describe() {
        return Map.of("name", "fraud-logistic", "features", FraudScoring.featureCount(), "bias", FraudScoring.bias());
    }

    @GET
    @Path("/weights/{index: [0-9]{1,3}}")
    public Map<String, Object> weight(@PathParam("index") int index) {
        List<Double> weights = FraudScoring.weights();
        if (index >= weights.size()) {
            throw new NotFoundException();
        }
        return Map.of("index", index, "weight", weights.get(index));
    }

    /** The documentation files of the model, by relative path ({@code docs/a/b.md}). */
    @GET
    @Path("/docs/{file: .+}")
    @Produces(MediaType.TEXT_PLAIN)
    public String doc(@PathParam("file") String file) {
        if (!file.equals("README.md")) {
            throw new NotFoundException();
        }
        return "Logistic fraud model: weights cycle over the features.";
    }

    /** A sub-resource locator: the model's versions. */
    @Path("/versions")
    public Versions versions() {
        return new Versions();
    }

    public static class Versions {
        @GET
        @Path("/{version}")
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, Object> version(@PathParam("version") String version) {
            if (!version.equals("1")) {
                throw new NotFoundException();
            }
            return Map.of("version", 1, "current", true);
        }
    }
}
