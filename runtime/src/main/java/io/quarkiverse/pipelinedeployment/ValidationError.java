package io.quarkiverse.pipelinedeployment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of a 422 answer's {@code detail} list, in the seed framework's shape.
 *
 * @param type {@code json_invalid}, {@code missing}, {@code type_error} or {@code extra_forbidden}
 * @param loc where the problem is, from {@code "body"} down, e.g. {@code ["body", "parameters", "threshold"]}
 * @param msg a sentence for a person
 * @param input the offending input
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "type", "loc", "msg", "input" })
public record ValidationError(
        @JsonProperty("type") String type,
        @JsonProperty("loc") List<Object> loc,
        @JsonProperty("msg") String msg,
        @JsonProperty("input") Object input) {

    public static final String JSON_INVALID = "json_invalid";
    public static final String MISSING = "missing";
    public static final String TYPE_ERROR = "type_error";
    public static final String EXTRA_FORBIDDEN = "extra_forbidden";

    public ValidationError {
        loc = List.copyOf(loc);
    }
}
