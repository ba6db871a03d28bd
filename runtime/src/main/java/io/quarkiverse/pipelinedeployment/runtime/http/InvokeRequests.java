package io.quarkiverse.pipelinedeployment.runtime.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.ValidationError;
import io.quarkiverse.pipelinedeployment.runtime.engine.Problem;
import io.vertx.core.buffer.Buffer;

/**
 * Reads an invoke request's body, {@code {"parameters": {...}, "run_name": ..., "timeout": ...}}, and checks its
 * envelope; the parameters themselves are bound by the engine.
 */
final class InvokeRequests {

    private final ObjectReader reader;

    InvokeRequests(ObjectMapper mapper) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Content types {@code application/json} and {@code application/*+json}; a missing one is taken as JSON. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        int end = contentType.indexOf(';');
        String mime = (end < 0 ? contentType : contentType.substring(0, end)).trim();
        if (mime.isEmpty() || mime.equalsIgnoreCase("application/json")) {
            return true;
        }
        int slash = mime.indexOf('/');
        return slash > 0 && mime.regionMatches(true, 0, "application", 0, slash)
                && mime.regionMatches(true, mime.length() - 5, "+json", 0, 5);
    }

    /**
     * Parses and checks a body: the request to hand to the service, or the 422 {@link Problem} listing its problems.
     */
    Object parse(Buffer body, long receivedAt) {
        JsonNode root;
        try {
            root = body == null || body.length() == 0 ? null : RequestBodies.readTree(reader, body);
        } catch (Exception e) {
            root = null;
        }
        if (root == null || root.isMissingNode()) {
            return Problem.invalid(List.of(new ValidationError(ValidationError.JSON_INVALID, List.of("body"),
                    "JSON decode error", Map.of())));
        }
        if (!root.isObject()) {
            return Problem.invalid(List.of(new ValidationError(ValidationError.TYPE_ERROR, List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", root)));
        }
        List<ValidationError> errors = new ArrayList<>(0);
        JsonNode parameters = root.get("parameters");
        if (parameters == null) {
            errors.add(new ValidationError(ValidationError.MISSING, List.of("body", "parameters"), "Field required",
                    root));
        } else if (!parameters.isObject()) {
            errors.add(new ValidationError(ValidationError.TYPE_ERROR, List.of("body", "parameters"),
                    "Input should be a valid dictionary", parameters));
        }
        JsonNode runName = root.get("run_name");
        if (runName != null && !runName.isNull() && !runName.isTextual()) {
            errors.add(new ValidationError(ValidationError.TYPE_ERROR, List.of("body", "run_name"),
                    "Input should be a valid string", runName));
        }
        JsonNode timeout = root.get("timeout");
        if (timeout != null && !timeout.isNull() && (!timeout.isNumber() || timeout.asDouble() <= 0)) {
            errors.add(new ValidationError(ValidationError.TYPE_ERROR, List.of("body", "timeout"),
                    "Input should be a number of seconds greater than 0", timeout));
        }
        if (!errors.isEmpty()) {
            return Problem.invalid(errors);
        }
        return new InvocationRequest((ObjectNode) parameters,
                runName == null || runName.isNull() ? null : runName.asText(),
                timeout == null || timeout.isNull() ? null : Duration.ofNanos((long) (timeout.asDouble() * 1e9)),
                receivedAt);
    }
}
