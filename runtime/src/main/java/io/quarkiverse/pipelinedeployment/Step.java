package io.quarkiverse.pipelinedeployment;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a step of a pipeline. Every call of a step made during an invocation, including calls the pipeline bean makes
 * to its own methods, is recorded with its name, start, duration and status in the invocation's metadata.
 * <p>
 * Put it on methods ({@code TYPE} is allowed only because an interceptor binding needs it; a class annotated
 * {@code @Step} fails the build). Steps are methods of CDI beans (a class declaring a step gets {@code @Singleton} when it has
 * no scope); they must
 * be neither {@code private} nor {@code static}, because those calls cannot be intercepted. Steps returning
 * {@code Uni} or {@code CompletionStage} are timed until their result arrives.
 */
@Documented
@InterceptorBinding
@Retention(RUNTIME)
@Target({ METHOD, TYPE })
public @interface Step {

    /**
     * The step's name in the invocation metadata and in {@code /info}. Defaults to the method name.
     */
    @Nonbinding
    String name() default "";
}
