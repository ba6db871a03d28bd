package io.quarkiverse.pipelinedeployment;

import java.util.List;

/**
 * The request's parameters do not bind to the pipeline's parameters. The invoke endpoint answers 422 with
 * {@code {"detail": [...]}}, one entry per problem.
 */
public class InvalidParametersException extends RuntimeException {

    private final List<ValidationError> errors;

    public InvalidParametersException(List<ValidationError> errors) {
        super(errors.size() + " invalid parameter(s): " + errors, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
