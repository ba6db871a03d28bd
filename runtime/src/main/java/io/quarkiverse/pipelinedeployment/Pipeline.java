package io.quarkiverse.pipelinedeployment;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the entry method of a pipeline: a method of a CDI bean whose parameters are the pipeline's parameters and
 * whose return value is its output.
 * <p>
 * Exactly one pipeline is deployed per application. When the application declares several, the build-time property
 * {@code quarkus.pipeline.name} selects one.
 * <p>
 * Execution model: by default the method may block and runs on the invocation pool
 * ({@code quarkus.pipeline.thread-pool-size} threads). Annotated with
 * {@link io.smallrye.common.annotation.NonBlocking @NonBlocking} it runs on the Vert.x event loop; returning
 * {@code Uni<T>} or {@code CompletionStage<T>} it is subscribed on the event loop and awaited without blocking;
 * annotated with {@link io.smallrye.common.annotation.RunOnVirtualThread @RunOnVirtualThread} it runs on a virtual
 * thread when the JVM has them.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface Pipeline {

    /**
     * The pipeline's name, as reported in {@code /info} and in the invocation metadata. Defaults to the method name.
     */
    String name() default "";
}
