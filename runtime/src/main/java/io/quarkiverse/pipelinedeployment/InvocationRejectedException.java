package io.quarkiverse.pipelinedeployment;

/**
 * The deployment cannot take the invocation now, typically because every invocation thread is busy and the queue
 * ({@code quarkus.pipeline.max-queued-invocations}) is full. The invoke endpoint answers 503 with
 * {@code Retry-After}.
 */
public class InvocationRejectedException extends RuntimeException {

    private final int retryAfterSeconds;

    public InvocationRejectedException(String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The value of the {@code Retry-After} header, in seconds. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
