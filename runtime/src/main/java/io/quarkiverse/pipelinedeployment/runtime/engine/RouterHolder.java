package io.quarkiverse.pipelinedeployment.runtime.engine;

import io.vertx.ext.web.Router;

/**
 * The application's HTTP router, handed over by the recorder at startup for {@code AppRunner.router()}.
 */
public final class RouterHolder {

    private static volatile Router router;

    private RouterHolder() {
    }

    public static void set(Router value) {
        router = value;
    }

    /**
     * @throws IllegalStateException before the router exists
     */
    static Router get() {
        Router r = router;
        if (r == null) {
            throw new IllegalStateException("The HTTP router is not ready yet");
        }
        return r;
    }
}
