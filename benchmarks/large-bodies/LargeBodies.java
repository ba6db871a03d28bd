import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load of benchmarks/large-bodies.sh: CLIENTS threads send chunked invoke bodies of BODY_MB megabytes (a JSON
 * array of doubles as the pipeline's features) in a loop, while one more thread GETs the health endpoint every 50 ms
 * and records how long each answer takes. Prints the health latencies (p50, p99, max) and the invocations' statuses.
 *
 * Run with the single-file source launcher: java LargeBodies.java http://localhost:8080 [seconds] [clients] [MB]
 */
public class LargeBodies {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int megabytes = args.length > 3 ? Integer.parseInt(args[3]) : 12;
        byte[] body = body(megabytes * 1024 * 1024);
        URI invoke = URI.create(base + "/invoke");
        URI health = URI.create(base + "/health");

        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                // One connection per sender, HTTP/1.1; an InputStream body has no length, so it is sent chunked
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                while (System.nanoTime() - end < 0) {
                    HttpRequest request = HttpRequest.newBuilder(invoke).timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                            .build();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }, "sender-" + c);
            t.start();
            senders.add(t);
        }

        // Let the senders get going, then sample health every 50 ms until the end
        Thread.sleep(1000);
        HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest healthRequest = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(30)).GET().build();
        List<Double> latencies = new ArrayList<>();
        int healthErrors = 0;
        while (System.nanoTime() - end < 0) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = probe.send(healthRequest, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    healthErrors++;
                }
            } catch (Exception e) {
                healthErrors++;
            }
            long t1 = System.nanoTime();
            latencies.add((t1 - t0) / 1e6);
            long wait = 50 - (t1 - t0) / 1_000_000;
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
        for (Thread t : senders) {
            t.join();
        }

        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("health samples=%d errors=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n", sorted.length,
                healthErrors, percentile(sorted, 50), percentile(sorted, 99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
        System.out.printf("invocations (%d clients, %d MB chunked bodies, %d s): statuses=%s failures=%d%n", clients,
                megabytes, seconds, new java.util.TreeMap<>(statuses), failures.get());
    }

    /** {"parameters": {"features": [...]}} of about {@code bytes} bytes. */
    static byte[] body(int bytes) {
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder(bytes + 64).append("{\"parameters\": {\"features\": [");
        boolean first = true;
        while (sb.length() < bytes) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(Math.round(random.nextDouble() * 1_000_000) / 1_000_000.0);
        }
        return sb.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
