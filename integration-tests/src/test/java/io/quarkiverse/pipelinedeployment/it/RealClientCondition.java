package io.quarkiverse.pipelinedeployment.it;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a {@link RealClient} test when its clients are on {@code PATH}. Otherwise it skips the test with one loud line
 * on standard error, or, with {@code -Dreal-clients=required}, fails it.
 */
final class RealClientCondition implements ExecutionCondition {

    static final String REQUIRED = "real-clients";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<AnnotatedElement> element = context.getElement();
        Optional<RealClient> annotation = element.flatMap(e -> AnnotationSupport.findAnnotation(e, RealClient.class));
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no real client needed");
        }
        List<String> missing = new ArrayList<>();
        for (RealClient.Tool tool : annotation.get().value()) {
            if (tool.find().isEmpty()) {
                missing.add(tool.description + " (" + tool.install + ")");
            }
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("real clients found");
        }
        String test = context.getRequiredTestClass().getSimpleName()
                + context.getTestMethod().map(method -> "." + method.getName()).orElse("");
        String what = test + " needs " + String.join(" and ", missing) + ", not found on PATH";
        if ("required".equals(System.getProperty(REQUIRED))) {
            throw new IllegalStateException("-Dreal-clients=required: " + what);
        }
        System.err.println("REAL CLIENT MISSING: " + what + ". Skipped; -Dreal-clients=required makes this a failure.");
        return ConditionEvaluationResult.disabled("REAL CLIENT MISSING: " + what);
    }
}
