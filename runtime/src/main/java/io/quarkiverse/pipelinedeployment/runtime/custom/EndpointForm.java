package io.quarkiverse.pipelinedeployment.runtime.custom;

/**
 * The form of a custom endpoint's handler, decided at build time from the Jandex index.
 */
public enum EndpointForm {
    /** {@code Class#method}, static or of a bean: its parameters are bound from the request. */
    DIRECT_METHOD,
    /** {@code Class#method} whose first parameter is an {@code AppRunner}: called once, returns the endpoint. */
    BUILDER_METHOD,
    /** A class built once: a {@code Handler<RoutingContext>}, or an object with a bound {@code handle(...)}. */
    BUILDER_CLASS,
    /** Native: a Vert.x {@code Handler<RoutingContext>} class, used as it is. */
    NATIVE_HANDLER,
    /** Native: a {@code Consumer<Router>} class that installs its own routes on a router mounted at the path. */
    NATIVE_ROUTER,
    /** Native: a JAX-RS resource class, served by Quarkus REST under the path. */
    NATIVE_RESOURCE;

    /** Whether the form gets one route of its own, on its method and path. */
    public boolean routed() {
        return this != NATIVE_ROUTER && this != NATIVE_RESOURCE;
    }
}
