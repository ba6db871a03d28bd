package io.quarkiverse.pipelinedeployment.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.runtime.security.ApiKeys;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTML pages the deployment serves with their bundled assets, their {@code index.html} filled once at startup:
 * the documentation pages (Swagger UI, ReDoc) and the dashboard.
 */
public final class Pages {

    /** Where the bundled dashboard's files are on the classpath. */
    public static final String DASHBOARD = "io/quarkiverse/pipelinedeployment/dashboard/";

    private Pages() {
    }

    /**
     * A documentation page: the template (a classpath resource) filled with the application title, the mount path
     * and the OpenAPI document's path, served with its bundled assets.
     *
     * @param assets relative name to classpath resource
     */
    public static Handler<RoutingContext> docs(String title, String mountPath, String template, String openApiPath,
            Map<String, String> assets) {
        Map<String, StaticFilesHandler.Asset> files = new HashMap<>(StaticFilesHandler.load(assets));
        files.put("index.html", html(Templates.fill(template, Map.of("title", title, "base", mountPath,
                "openapi", openApiPath))));
        return new StaticFilesHandler(mountPath, files);
    }

    /**
     * The dashboard's files under the root path: the user's folder as it is, or the bundled UI with its
     * {@code index.html} filled with the title and the endpoints' paths.
     *
     * @param files relative name to classpath resource
     * @param bundled whether these are the bundled UI's files
     * @param keys the API keys each of the user's files needs when the dashboard is protected, or {@code null} (the
     *        bundled UI's page loads without them, and asks for them)
     */
    public static Handler<RoutingContext> dashboard(String title, List<EndpointDescriptor> endpoints,
            ObjectMapper mapper, String mountPath, String openApiPath, Map<String, String> files, boolean bundled,
            ApiKeys keys) {
        Map<String, StaticFilesHandler.Asset> assets = new HashMap<>(StaticFilesHandler.load(files));
        if (bundled) {
            Map<String, Object> paths = new HashMap<>();
            for (EndpointDescriptor endpoint : endpoints) {
                paths.put(endpoint.name(), endpoint.path());
            }
            if (paths.containsKey("docs") || paths.containsKey("redoc")) {
                paths.put("openapi", openApiPath);
            }
            String config;
            try {
                config = mapper.writeValueAsString(Map.of("paths", paths, "title", title));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assets.put("index.html", html(Templates.fill(DASHBOARD + "index.html",
                    Map.of("title", title, "base", mountPath), Map.of("config", Templates.scriptSafeJson(config)))));
        }
        return new StaticFilesHandler(mountPath, assets, bundled ? null : keys);
    }

    private static StaticFilesHandler.Asset html(String html) {
        return new StaticFilesHandler.Asset(StaticFilesHandler.contentType("index.html"),
                JsonResponses.shared(html.getBytes(StandardCharsets.UTF_8)));
    }
}
