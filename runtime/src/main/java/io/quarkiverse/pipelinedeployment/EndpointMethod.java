package io.quarkiverse.pipelinedeployment;

/**
 * The HTTP methods a custom endpoint can answer.
 */
public enum EndpointMethod {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE;

    /** Whether parameters bind from the JSON body (POST, PUT, PATCH) rather than the query string. */
    public boolean hasBody() {
        return this == POST || this == PUT || this == PATCH;
    }
}
