package org.acme;

import java.util.Map;

import io.quarkiverse.pipelinedeployment.AppRunner;

/** A builder class: built once, with the runner and the init-args; {@code text} binds from the JSON body. */
public class EchoEndpoint {

    private final String prefix;

    public EchoEndpoint(AppRunner runner, Map<String, String> initArgs) {
        this.prefix = initArgs.getOrDefault("prefix", "");
    }

    public Map<String, String> handle(String text) {
        return Map.of("echo", prefix + text);
    }
}
