import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The async load of benchmarks/runs.sh: CONNECTIONS threads submit TOTAL runs with POST /runs as fast as the service
 * takes them; right after each 202, an observer follows that run's events (GET /runs/<id>/events, only the terminal
 * kinds) and records when the terminal event arrives. Prints the submissions per second, the completions per second
 * (from the first submission to the last terminal event), and the time from a run's submission to its terminal
 * event as the client observed it (p50, p99, max).
 *
 * Exits with 1 when a submission was not taken or a run did not complete.
 *
 * Run with the single-file source launcher: java AsyncRuns.java http://localhost:8080 [total] [connections]. Several
 * replicas, comma-separated (http://localhost:8080,http://localhost:8081), take the submissions in turn; each run is
 * followed on the replica it was submitted to.
 */
public class AsyncRuns {

    private static final String BODY = "{\"parameters\": {\"features\": [0.1, 0.2, 0.7], \"threshold\": 0.7}}";
    private static final String TERMINAL = "run_completed,run_failed,run_timed_out,run_cancelled";

    public static void main(String[] args) throws Exception {
        String[] bases = args[0].split(",");
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        HttpClient submitter = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
        HttpClient follower = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService observers = Executors.newFixedThreadPool(256);
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger failedRuns = new AtomicInteger();
        AtomicLong lastTerminal = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstProblem = new java.util.concurrent.atomic.AtomicReference<>();
        HttpRequest[] submits = new HttpRequest[bases.length];
        for (int b = 0; b < bases.length; b++) {
            submits[b] = HttpRequest.newBuilder(URI.create(bases[b] + "/runs")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        }

        long start = System.nanoTime();
        Thread[] threads = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            threads[c] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long submitted = System.nanoTime();
                    HttpResponse<String> response;
                    try {
                        response = submitter.send(submits[i % bases.length], HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        rejected.incrementAndGet();
                        firstProblem.compareAndSet(null, e.toString());
                        latencies[i] = -1;
                        continue;
                    }
                    if (response.statusCode() != 202) {
                        rejected.incrementAndGet();
                        firstProblem.compareAndSet(null, response.statusCode() + " " + response.body());
                        latencies[i] = -1;
                        continue;
                    }
                    String id = response.headers().firstValue("Location").orElseThrow();
                    int slot = i;
                    observers.execute(() -> {
                        try {
                            HttpRequest events = HttpRequest.newBuilder(URI.create(bases[slot % bases.length] + id
                                    + "/events?kinds=" + TERMINAL))
                                    .timeout(Duration.ofSeconds(120)).header("Accept", "text/event-stream").build();
                            HttpResponse<Stream<String>> stream = follower.send(events,
                                    HttpResponse.BodyHandlers.ofLines());
                            try (Stream<String> lines = stream.body()) {
                                Iterator<String> it = lines.iterator();
                                while (it.hasNext()) {
                                    String line = it.next();
                                    if (line.startsWith("event: run_")) {
                                        long now = System.nanoTime();
                                        latencies[slot] = now - submitted;
                                        lastTerminal.accumulateAndGet(now, Math::max);
                                        if (!line.equals("event: run_completed")) {
                                            failedRuns.incrementAndGet();
                                        }
                                        break;
                                    }
                                }
                            }
                        } catch (Exception e) {
                            latencies[slot] = -1;
                            failedRuns.incrementAndGet();
                            firstProblem.compareAndSet(null, e.toString());
                        }
                    });
                }
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long submittedAll = System.nanoTime();
        observers.shutdown();
        observers.awaitTermination(5, TimeUnit.MINUTES);

        long[] observed = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        double submitSeconds = (submittedAll - start) / 1e9;
        double completeSeconds = (lastTerminal.get() - start) / 1e9;
        System.out.printf("submissions %d, rejected %d, runs not completed %d%n", total, rejected.get(),
                failedRuns.get());
        System.out.printf("submissions/s %.0f%n", total / submitSeconds);
        System.out.printf("completions/s %.0f%n", observed.length / completeSeconds);
        System.out.printf("submission to terminal event ms: p50 %.2f p99 %.2f max %.2f%n",
                percentile(observed, 0.50), percentile(observed, 0.99), percentile(observed, 1.0));
        if (firstProblem.get() != null) {
            System.out.println("first problem: " + firstProblem.get());
        }
        // Every submission must be taken and every run must complete: anything else is a failure, not a number
        System.exit(rejected.get() == 0 && failedRuns.get() == 0 ? 0 : 1);
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
