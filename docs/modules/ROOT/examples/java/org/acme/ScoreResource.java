package org.acme;

import java.util.List;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * The ZenML guide's FastAPI router, as a native JAX-RS resource: Quarkus REST serves its methods under the custom
 * endpoint's path. No class-level {@code @Path}: the endpoint's path takes its place.
 */
public class ScoreResource {

    public record ScoreRequest(List<Double> features) {
    }

    public record ScoreResponse(double score) {
    }

    @POST
    @Path("/score")
    public ScoreResponse score(ScoreRequest request) {
        return new ScoreResponse(0.42);
    }
}
