package io.quarkiverse.pipelinedeployment.deployment.custom;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The built-in middleware, with the names {@code quarkus.pipeline.middleware} accepts.
 */
public enum BuiltinMiddleware {
    CORS("cors"),
    SECURE_HEADERS("secure-headers");

    public static final String MIDDLEWARE_KEY = "quarkus.pipeline.middleware";

    public final String configName;

    BuiltinMiddleware(String configName) {
        this.configName = configName;
    }

    /**
     * @throws ConfigurationException for an unknown name, or {@code none} with another name
     */
    public static Set<BuiltinMiddleware> parse(Set<String> names) {
        Set<BuiltinMiddleware> selected = EnumSet.noneOf(BuiltinMiddleware.class);
        boolean none = false;
        for (String raw : names) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "all" -> selected.addAll(EnumSet.allOf(BuiltinMiddleware.class));
                case "none" -> none = true;
                case "cors" -> selected.add(CORS);
                case "secure-headers" -> selected.add(SECURE_HEADERS);
                default -> throw new ConfigurationException(MIDDLEWARE_KEY + " contains the unknown middleware '" + raw
                        + "'; known names are cors, secure-headers, all, none", Set.of(MIDDLEWARE_KEY));
            }
        }
        if (none && !selected.isEmpty()) {
            throw new ConfigurationException(MIDDLEWARE_KEY + " combines none with " + names, Set.of(MIDDLEWARE_KEY));
        }
        return selected;
    }
}
