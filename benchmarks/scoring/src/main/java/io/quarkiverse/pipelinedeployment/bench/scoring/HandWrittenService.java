package io.quarkiverse.pipelinedeployment.bench.scoring;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a hand-written service does per invocation to give the same answer as the extension: validate, run the two
 * steps with their timings, build the envelope.
 */
public final class HandWrittenService {

    /** Told each step's duration, e.g. to record a meter. */
    public interface StepObserver {
        void stepEnded(int step, long nanos);
    }

    /** The HTTP status and the JSON body to write. */
    public record Result(int status, Object body) {
    }

    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss_SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final String deploymentId = UUID.randomUUID().toString();
    private final String snapshotId = UUID.randomUUID().toString();
    private final String deploymentName;

    public HandWrittenService(String deploymentName) {
        this.deploymentName = deploymentName;
    }

    public Result invoke(Envelope.Request request, StepObserver observer) {
        long begin = System.nanoTime();
        if (request == null || request.parameters() == null || request.parameters().features() == null) {
            return new Result(422, new Envelope.Invalid(List.of(new Envelope.Problem("missing",
                    List.of("body", "parameters", "features"), "Field required", null))));
        }
        List<Double> features = request.parameters().features();
        double threshold = request.parameters().threshold() == null ? 0.5 : request.parameters().threshold();
        List<Envelope.Step> steps = new ArrayList<>(2);
        Instant t0 = Instant.now();
        long s0 = System.nanoTime();
        double[] x = FraudModel.normalize(features);
        long s1 = System.nanoTime();
        steps.add(new Envelope.Step("normalize", "completed", t0.toString(), (s1 - s0) / 1e9));
        observer.stepEnded(0, s1 - s0);
        Instant t1 = Instant.now();
        double score = FraudModel.score(x);
        long s2 = System.nanoTime();
        steps.add(new Envelope.Step("score", "completed", t1.toString(), (s2 - s1) / 1e9));
        observer.stepEnded(1, s2 - s1);
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("features", features);
        used.put("threshold", threshold);
        String runName = request.runName() != null ? request.runName() : "fraud_scoring-" + RUN_NAME.format(t0);
        long end = System.nanoTime();
        return new Result(200, new Envelope.Response(true, new Envelope.Verdict(score, score > threshold),
                (end - begin) / 1e9, new Envelope.Metadata(deploymentId, deploymentName, snapshotId,
                        deploymentName + ":1", "fraud_scoring", UUID.randomUUID().toString(), runName, used, steps),
                null));
    }
}
