package io.quarkiverse.pipelinedeployment.deployment.devmode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.pipelinedeployment.Pipeline;

/**
 * The pipeline the dev mode tests edit: one parameter, one step in another bean.
 */
@ApplicationScoped
public class GreetingPipeline {

    @Inject
    Greeter greeter;

    @Pipeline(name = "greeting")
    public Greeting greet(String name) {
        return new Greeting(greeter.greet(name));
    }

    public record Greeting(String message) {
    }
}
