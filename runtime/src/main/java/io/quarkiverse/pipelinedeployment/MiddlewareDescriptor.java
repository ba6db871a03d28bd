package io.quarkiverse.pipelinedeployment;

/**
 * A middleware of the deployment, as {@link AppRunner#middlewares()} lists it, outermost first.
 *
 * @param name {@code cors} or {@code secure-headers} for the built-in ones, the id under
 *        {@code quarkus.pipeline.custom-middlewares} for a custom one
 * @param kind {@code builtin}, {@code class}, {@code method} or {@code native}
 * @param order the configured order of a custom middleware; {@code Integer.MIN_VALUE} for the built-in ones, which
 *        run outermost of all
 * @param reference the class or {@code Class#method} of a custom middleware; {@code null} for the built-in ones
 */
public record MiddlewareDescriptor(String name, String kind, int order, String reference) {
}
