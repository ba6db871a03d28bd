package io.quarkiverse.pipelinedeployment.deployment.http;

import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Normalizes and composes the deployment's configured paths.
 */
public final class PipelinePaths {

    private PipelinePaths() {
    }

    /**
     * A prefix ({@code root-path}, {@code api-path}): empty, or {@code /segment[/segment...]} without a trailing
     * slash. {@code /} means no prefix.
     */
    public static String prefix(String key, Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank() || value.get().trim().equals("/")) {
            return "";
        }
        return normalize(key, value.get());
    }

    /**
     * An endpoint path: {@code /segment[/segment...]} without a trailing slash; {@code /} and empty are refused.
     */
    public static String endpoint(String key, String value) {
        if (value == null || value.isBlank() || value.trim().equals("/")) {
            throw new ConfigurationException(key + " was set to \"" + value + "\": an endpoint needs a path of its own, "
                    + "for example /invoke", Set.of(key));
        }
        return normalize(key, value);
    }

    /**
     * A custom endpoint's path: like {@link #endpoint}, with {@code {name}} segments for path parameters.
     */
    public static String customEndpoint(String key, String value) {
        if (value == null || value.isBlank() || value.trim().equals("/")) {
            throw new ConfigurationException(key + " was set to \"" + value + "\": a custom endpoint needs a path, for "
                    + "example /predict", Set.of(key));
        }
        // Check the path with each {name} parameter segment replaced by a plain one
        normalize(key, value.trim().replaceAll("(?<=/|^)\\{[A-Za-z_][A-Za-z0-9_]*}(?=/|$)", "p"));
        String path = value.trim().startsWith("/") ? value.trim() : "/" + value.trim();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static String normalize(String key, String value) {
        String path = value.trim();
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c == '?' || c == '#' || c == '*' || c == '{' || c == '}' || c == ':' || c == '\\'
                    || c == '%') {
                throw new ConfigurationException(key + " was set to \"" + value + "\": a path must not contain '" + c
                        + "' or white space", Set.of(key));
            }
        }
        if (path.contains("//") || path.contains("/./") || path.contains("/../") || path.endsWith("/..")
                || path.endsWith("/.")) {
            throw new ConfigurationException(key + " was set to \"" + value + "\": a path must not contain empty, "
                    + "'.' or '..' segments", Set.of(key));
        }
        return path;
    }
}
