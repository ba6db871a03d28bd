package io.quarkiverse.pipelinedeployment;

import java.util.Map;

/**
 * An app extension: installs structures of its own (routes, handlers, auth, tracing) into the deployment's
 * application at startup, after the built-in routes. Declare it with {@code quarkus.pipeline.extensions."<id>".class};
 * extensions are installed in ascending {@code quarkus.pipeline.extensions."<id>".order}. The class needs a public
 * no-argument constructor.
 */
public interface AppExtension {

    /**
     * @param runner the app runner: the router, the service, the deployment and the resolved endpoints
     * @param args {@code quarkus.pipeline.extensions."<id>".args}
     */
    void install(AppRunner runner, Map<String, String> args);
}
