package io.quarkiverse.pipelinedeployment.redis.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.PipelineParam;
import io.quarkiverse.pipelinedeployment.RunContext;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * Upper-cases a word, after {@code millis} of work. Each execution counts itself in Redis
 * ({@code it:executions:<run id>}), so that the tests can tell that a run was executed exactly once, whichever replica
 * executed it.
 */
@ApplicationScoped
public class Jobs {

    @Inject
    RunContext run;

    @Inject
    RedisDataSource redis;

    @Step
    String work(String word, long millis) throws InterruptedException {
        redis.value(Long.class).incr("it:executions:" + run.id());
        if (millis > 0) {
            Thread.sleep(millis);
        }
        return word.toUpperCase();
    }

    @Pipeline(name = "jobs")
    public String run(String word, @PipelineParam(defaultValue = "0") long millis) throws InterruptedException {
        return work(word, millis);
    }
}
