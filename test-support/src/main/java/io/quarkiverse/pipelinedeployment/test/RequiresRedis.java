package io.quarkiverse.pipelinedeployment.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that runs against a real {@link RedisServer}. Where {@code redis-server} is not installed, the class is
 * skipped with one loud {@code REAL CLIENT MISSING} line, so that {@code ./mvnw verify} passes on a fresh machine; with
 * {@code -Dreal-clients=required} (CI) it fails instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RequiresRedis.Condition.class)
public @interface RequiresRedis {

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (RedisServer.binary().isPresent()) {
                return ConditionEvaluationResult.enabled("redis-server is installed");
            }
            String message = "REAL CLIENT MISSING: redis-server is not installed (" + RedisServer.INSTALL + ")";
            if ("required".equals(System.getProperty("real-clients"))) {
                throw new IllegalStateException(message + "; -Dreal-clients=required");
            }
            System.err.println(message + ": skipping " + context.getDisplayName());
            return ConditionEvaluationResult.disabled(message);
        }
    }
}
