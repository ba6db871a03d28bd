package org.acme;

import org.jboss.logging.Logger;

/**
 * The ZenML guide's {@code on_startup(warm)} and {@code on_shutdown(drain_timeout_s)}: static methods whose parameters the
 * {@code startup-hook-args} and {@code shutdown-hook-args} bind to by name.
 */
public class Hooks {

    private static final Logger LOG = Logger.getLogger(Hooks.class);

    public static void onStartup(boolean warm) {
        // e.g. warm the model cache, connect the tracer, prefetch embeddings
        LOG.infof("Startup hook: warm=%s", warm);
    }

    public static void onShutdown(int drainTimeoutS) {
        // e.g. flush metrics, close clients
        LOG.infof("Shutdown hook: drain timeout %d s", drainTimeoutS);
    }
}
