package io.quarkiverse.pipelinedeployment.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.pipelinedeployment.InvalidParametersException;
import io.quarkiverse.pipelinedeployment.InvocationRejectedException;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.ValidationError;

class ProblemTest {

    private static final List<ValidationError> ERRORS = List.of(new ValidationError(ValidationError.MISSING,
            List.of("body", "parameters", "x"), "Field required", Map.of()));

    @Test
    void invalidParametersAre422WithTheirErrors() {
        Problem problem = Problem.of(new InvalidParametersException(ERRORS));

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.body()).isEqualTo(Map.of("detail", ERRORS));
        assertThat(problem.internal()).isFalse();
    }

    @Test
    void aRejectedInvocationIs503WithItsRetryAfter() {
        Problem problem = Problem.of(new InvocationRejectedException("The queue is full", 2));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).isEqualTo("The queue is full");
        assertThat(problem.retryAfterSeconds()).isEqualTo(2);
        assertThat(problem.internal()).isFalse();
    }

    @Test
    void anythingElseIsAn500ThatHidesItsCause() {
        IllegalStateException failure = new IllegalStateException("secret table name");
        Problem problem = Problem.of(failure);

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.body()).isEqualTo(Map.of("detail", "Internal Server Error"));
        assertThat(problem.internal()).isTrue();
        assertThat(problem.cause()).isSameAs(failure);
    }

    @Test
    void aTimedOutRunIs504AndEveryOtherAnswer200() {
        assertThat(Problem.status(response(InvocationResponse.Outcome.TIMEOUT))).isEqualTo(504);
        assertThat(Problem.status(response(InvocationResponse.Outcome.SUCCESS))).isEqualTo(200);
        assertThat(Problem.status(response(InvocationResponse.Outcome.FAILURE))).isEqualTo(200);
    }

    private static InvocationResponse response(InvocationResponse.Outcome outcome) {
        return new InvocationResponse(outcome == InvocationResponse.Outcome.SUCCESS, null, 0.1, null, null, outcome);
    }
}
