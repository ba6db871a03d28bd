package io.quarkiverse.pipelinedeployment.deployment.devmode;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.pipelinedeployment.Step;

/**
 * The step the dev mode tests edit.
 */
@ApplicationScoped
public class Greeter {

    @Step(name = "greet")
    public String greet(String name) {
        return "Hello " + name;
    }
}
