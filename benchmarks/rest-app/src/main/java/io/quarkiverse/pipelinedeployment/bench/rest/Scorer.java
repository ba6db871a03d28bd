package io.quarkiverse.pipelinedeployment.bench.rest;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.pipelinedeployment.bench.scoring.Envelope;
import io.quarkiverse.pipelinedeployment.bench.scoring.HandWrittenService;

/**
 * The hand-written service, recording the same meters as the extension: runs by outcome, run and step durations.
 */
@ApplicationScoped
public class Scorer {

    private final HandWrittenService service = new HandWrittenService("bench-rest");
    private final Counter success;
    private final Timer invocation;
    private final Timer[] steps;

    public Scorer(MeterRegistry registry) {
        this.success = Counter.builder("pipeline.invocations").tag("pipeline", "fraud_scoring")
                .tag("status", "success").register(registry);
        this.invocation = Timer.builder("pipeline.invocation").tag("pipeline", "fraud_scoring")
                .publishPercentileHistogram().register(registry);
        this.steps = new Timer[] { stepTimer(registry, "normalize"), stepTimer(registry, "score") };
    }

    private static Timer stepTimer(MeterRegistry registry, String step) {
        return Timer.builder("pipeline.step").tag("pipeline", "fraud_scoring").tag("step", step)
                .publishPercentileHistogram().register(registry);
    }

    public Response invoke(Envelope.Request request) {
        long begin = System.nanoTime();
        HandWrittenService.Result result = service.invoke(request,
                (step, nanos) -> steps[step].record(nanos, TimeUnit.NANOSECONDS));
        if (result.status() == 200) {
            invocation.record(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
            success.increment();
        }
        return Response.status(result.status()).entity(result.body()).build();
    }
}
