package io.quarkiverse.pipelinedeployment.runtime.engine;

/**
 * How a {@link Run} is cancelled: a cancel asked before the engine took the run is carried out when it does, a queued
 * run never starts, a running one starts no further step and its work is interrupted or cancelled. Either way the run
 * ends {@code cancelled}. Guarded by the run's lock, with its status.
 */
abstract sealed class RunCancellation permits Run {

    private volatile String cancelReason;
    private volatile boolean cancelRequested;
    private Runnable canceller;

    public abstract RunStatus status();

    public boolean cancelRequested() {
        return cancelRequested;
    }

    /** The error of the cancelled envelope: {@code Run cancelled}, or why the deployment cancelled it. */
    public String cancelReason() {
        String reason = cancelReason;
        return reason != null ? reason : "Run cancelled";
    }

    /** A kept run read back from a store. */
    void restoreCancel(boolean requested) {
        cancelRequested = requested;
    }

    /** The run ended: what stopped its work holds the execution (and the request that waited), which must go. */
    synchronized void dropCanceller() {
        canceller = null;
    }

    /**
     * What stops the run's work when a cancel is requested: set by the engine once the run is handed to it. A cancel
     * requested before is carried out at once.
     */
    public void onCancel(Runnable stop) {
        boolean now;
        synchronized (this) {
            canceller = stop;
            now = cancelRequested && !status().terminal();
        }
        if (now) {
            stop.run();
        }
    }

    /** Stops the run: a queued one never starts, a running one starts no further step and its work is stopped. */
    public CancelResult cancel() {
        return cancel(null);
    }

    /**
     * {@link #cancel()}, with the error its envelope reports.
     *
     * @param reason the envelope's error, or {@code null} for {@code Run cancelled}
     */
    public CancelResult cancel(String reason) {
        Runnable stop;
        CancelResult result;
        synchronized (this) {
            if (status().terminal()) {
                return CancelResult.FINISHED;
            }
            if (!cancelRequested && reason != null) {
                cancelReason = reason;
            }
            result = status() == RunStatus.QUEUED ? CancelResult.DEQUEUED : CancelResult.REQUESTED;
            cancelRequested = true;
            stop = canceller;
        }
        if (stop != null) {
            stop.run();
        }
        return result;
    }
}
