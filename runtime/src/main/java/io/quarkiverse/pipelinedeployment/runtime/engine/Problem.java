package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.List;
import java.util.Map;

import io.quarkiverse.pipelinedeployment.InvalidParametersException;
import io.quarkiverse.pipelinedeployment.InvocationRejectedException;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.ValidationError;

/**
 * What a failed invocation means to its caller, whatever the channel (HTTP, the Dev UI, a message source): a status
 * in HTTP terms and the {@code detail} of the answer's {@code {"detail": ...}} body. It lives in the engine, next to
 * the failures it maps, and knows nothing of Vert.x, so every channel maps the same failure the same way.
 *
 * @param status the HTTP status: 422 invalid parameters, 503 turned away, 500 anything else
 * @param detail a message, or the list of {@link ValidationError}s of a 422
 * @param retryAfterSeconds for a 503, the seconds after which to retry; 0 otherwise
 * @param cause for a 500, the unexpected failure (for the log, never for the client); {@code null} otherwise
 */
public record Problem(int status, Object detail, int retryAfterSeconds, Throwable cause) {

    /** The detail of an unexpected failure: the client sees no more. */
    public static final String INTERNAL_ERROR = "Internal Server Error";

    /** The problem {@code failure} (thrown or failed by a {@code DeploymentService}) stands for. */
    public static Problem of(Throwable failure) {
        if (failure instanceof InvalidParametersException invalid) {
            return invalid(invalid.errors());
        }
        if (failure instanceof InvocationRejectedException rejected) {
            return new Problem(503, rejected.getMessage(), rejected.retryAfterSeconds(), null);
        }
        return new Problem(500, INTERNAL_ERROR, 0, failure);
    }

    /** 422 listing every problem of a request. */
    public static Problem invalid(List<ValidationError> errors) {
        return new Problem(422, errors, 0, null);
    }

    /** A problem with a message and no cause. */
    public static Problem of(int status, String detail) {
        return new Problem(status, detail, 0, null);
    }

    /** The status of an invocation that answered: 504 for a run that timed out, 200 otherwise. */
    public static int status(InvocationResponse response) {
        return response.outcome() == InvocationResponse.Outcome.TIMEOUT ? 504 : 200;
    }

    /** The status of the envelope of a run that ended so. */
    public static int status(RunStatus status) {
        return status == RunStatus.TIMED_OUT ? 504 : 200;
    }

    /** Whether it stands for an unexpected failure (a 500 with its cause). */
    public boolean internal() {
        return cause != null;
    }

    /** The answer's body, {@code {"detail": ...}}, for a JSON writer. */
    public Map<String, Object> body() {
        return Map.of("detail", detail);
    }
}
