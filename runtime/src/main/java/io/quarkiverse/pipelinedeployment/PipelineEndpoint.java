package io.quarkiverse.pipelinedeployment;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Declares a custom endpoint in code: a method of a CDI bean (or a static method) served at
 * {@code quarkus.pipeline.root-path + path}. Its parameters bind by name from the JSON body (POST, PUT, PATCH) or the
 * query string (GET, DELETE), path parameters ({@code /items/{id}}) by name; a {@code RoutingContext} parameter
 * receives the request. Its return value is written as JSON.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface PipelineEndpoint {

    /** The path under {@code quarkus.pipeline.root-path}, e.g. {@code /items/{id}}. */
    String path();

    /** The HTTP method. */
    EndpointMethod method() default EndpointMethod.GET;

    /** Whether the endpoint requires an API key when {@code quarkus.pipeline.auth.api-keys} is set. */
    boolean authRequired() default true;
}
