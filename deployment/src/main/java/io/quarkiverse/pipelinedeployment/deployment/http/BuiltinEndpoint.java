package io.quarkiverse.pipelinedeployment.deployment.http;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The built-in endpoints, in the order {@code /info} lists them, with the names and groups
 * {@code quarkus.pipeline.endpoints} accepts.
 */
public enum BuiltinEndpoint {
    DOCS("docs", false, "quarkus.pipeline.docs-path"),
    REDOC("redoc", false, "quarkus.pipeline.redoc-path"),
    INVOKE("invoke", true, "quarkus.pipeline.invoke-path"),
    RUNS("runs", true, "quarkus.pipeline.runs-path"),
    HEALTH("health", true, "quarkus.pipeline.health-path"),
    INFO("info", true, "quarkus.pipeline.info-path"),
    METRICS("metrics", true, "quarkus.pipeline.metrics-path"),
    DASHBOARD("dashboard", false, null);

    public static final String ENDPOINTS_KEY = "quarkus.pipeline.endpoints";
    public static final String PROTECTED_KEY = "quarkus.pipeline.auth.protected-endpoints";

    private static final Map<String, Set<BuiltinEndpoint>> NAMES = new LinkedHashMap<>();

    static {
        for (BuiltinEndpoint e : values()) {
            NAMES.put(e.configName, EnumSet.of(e));
        }
        NAMES.put("doc", EnumSet.of(DOCS, REDOC));
        NAMES.put("api", EnumSet.of(INVOKE, RUNS, HEALTH, INFO, METRICS));
        NAMES.put("all", EnumSet.allOf(BuiltinEndpoint.class));
    }

    public final String configName;
    public final boolean underApiPath;
    public final String pathKey;

    BuiltinEndpoint(String configName, boolean underApiPath, String pathKey) {
        this.configName = configName;
        this.underApiPath = underApiPath;
        this.pathKey = pathKey;
    }

    /**
     * The endpoints selected by the names and groups of {@code quarkus.pipeline.endpoints}.
     *
     * @throws ConfigurationException for an unknown name
     */
    public static Set<BuiltinEndpoint> parse(Set<String> names) {
        return parse(ENDPOINTS_KEY, names);
    }

    /**
     * The endpoints selected by names and groups, read from the property {@code key}.
     *
     * @throws ConfigurationException for an unknown name, naming {@code key}
     */
    public static Set<BuiltinEndpoint> parse(String key, Set<String> names) {
        Set<BuiltinEndpoint> selected = EnumSet.noneOf(BuiltinEndpoint.class);
        for (String name : names) {
            Set<BuiltinEndpoint> endpoints = NAMES.get(name.trim().toLowerCase(Locale.ROOT));
            if (endpoints == null) {
                throw new ConfigurationException(key + " contains the unknown endpoint '" + name
                        + "'; known names are " + String.join(", ", NAMES.keySet()), Set.of(key));
            }
            selected.addAll(endpoints);
        }
        return selected;
    }
}
