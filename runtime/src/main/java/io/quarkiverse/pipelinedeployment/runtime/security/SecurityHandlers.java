package io.quarkiverse.pipelinedeployment.runtime.security;

import java.util.List;

import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Builds this package's route handlers for the recorder, so that the handler classes stay package-private.
 */
public final class SecurityHandlers {

    private SecurityHandlers() {
    }

    public static Handler<RoutingContext> cors(PipelineRuntimeConfig.Cors config) {
        return new CorsHandler(config);
    }

    /** See {@link OptionsGuard}. */
    public static Handler<RoutingContext> optionsGuard(List<String> mountPaths, Handler<RoutingContext> guard) {
        return new OptionsGuard(mountPaths, guard);
    }

    /**
     * @param unsecuredPrefix a path prefix left without the headers (the Dev UI in dev mode), or {@code null}
     */
    public static Handler<RoutingContext> secureHeaders(PipelineRuntimeConfig.SecureHeaders config,
            String deploymentId, String unsecuredPrefix) {
        return new SecureHeadersHandler(config, deploymentId, unsecuredPrefix);
    }
}
