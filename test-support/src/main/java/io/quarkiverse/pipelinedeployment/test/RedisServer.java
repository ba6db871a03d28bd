package io.quarkiverse.pipelinedeployment.test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis for the tests: Debian's {@code redis-server} (apt-get install redis-server), started on a free port of
 * the loopback with its own data folder, and stopped by its PID. No Docker, no Dev Services.
 * <p>
 * Where {@code redis-server} is not installed, {@link #of(Class)} answers a server that is {@linkplain #installed() not
 * installed}: {@link RequiresRedis} then skips the test with one loud line, so that the tests pass on a fresh
 * machine, or fails it with {@code -Dreal-clients=required} (CI, whose {@code .ci/run} installs it).
 */
public final class RedisServer implements AutoCloseable {

    /** How to install it, in a skipped or failed test's message. */
    public static final String INSTALL = "Debian/Ubuntu: apt-get install redis-server; Fedora: dnf install redis; "
            + "macOS: brew install redis";

    private final Path binary;
    private final int port;
    private final Path dir;
    /** The system property that holds this server's PID, for every class loader that loads the test class. */
    private final String property;

    private RedisServer(Path binary, int port, Path dir, String property) {
        this.binary = binary;
        this.port = port;
        this.dir = dir;
        this.property = property;
    }

    /** {@code redis-server} on {@code PATH}, or in Debian's {@code /usr/bin} or {@code /usr/sbin}. */
    public static Optional<Path> binary() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    candidates.add(Path.of(entry, "redis-server"));
                }
            }
        }
        candidates.add(Path.of("/usr/bin/redis-server"));
        candidates.add(Path.of("/usr/sbin/redis-server"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * The Redis server of a test class: started on a free port, answering {@code PING}, the first time; the same one
     * when the class is loaded again (a {@code QuarkusUnitTest} loads its test class in the application's class
     * loader too, and both must reach one server). Where {@code redis-server} is not installed, one that is not
     * ({@link #installed()}), whose {@link #url()} leads nowhere.
     */
    public static RedisServer of(Class<?> test) {
        String property = "pipeline-test-redis." + test.getName();
        Optional<Path> binary = binary();
        try {
            String running = System.getProperty(property);
            if (running != null) {
                String[] parts = running.split("\\|", 3); // port|pid|dir
                return new RedisServer(binary.orElse(null), Integer.parseInt(parts[0]), Path.of(parts[2]), property);
            }
            RedisServer server = new RedisServer(binary.orElse(null), freePort(),
                    Files.createTempDirectory("pipeline-redis-"), property);
            if (binary.isPresent()) {
                server.launch();
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code redis-server} is installed (and this server runs). */
    public boolean installed() {
        return binary != null;
    }

    public int port() {
        return port;
    }

    /** The URL for {@code quarkus.redis.hosts}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** The server process, while it runs. */
    private Optional<ProcessHandle> process() {
        String running = System.getProperty(property);
        return running == null ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(running.split("\\|", 3)[1])).filter(ProcessHandle::isAlive);
    }

    /** Whether the server process is alive. */
    public boolean running() {
        return process().isPresent();
    }

    /** Stops the server with {@code SIGKILL} (as a crash would), and waits for it to be gone. */
    public void kill() {
        process().ifPresent(p -> {
            p.destroyForcibly();
            waitFor(p);
        });
    }

    /** Starts the server again, on the same port and with the same (empty, nothing is saved) data. */
    public void restart() {
        if (running()) {
            throw new IllegalStateException("Redis is still running on port " + port);
        }
        launch();
    }

    /**
     * Sends one command over a new connection and answers its reply: a {@code String} (simple or bulk), a
     * {@code Long}, a {@code List} of replies, or {@code null}; an error reply throws.
     */
    public Object command(String... args) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                request.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port + " did not answer " + args[0], e);
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        process().ifPresent(p -> {
            p.destroy();
            if (!waitFor(p)) {
                p.destroyForcibly();
                waitFor(p);
            }
        });
        System.clearProperty(property);
    }

    private void launch() {
        try {
            Path log = dir.resolve("redis.log");
            Process p = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--protected-mode", "no",
                    "--daemonize", "no")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            System.setProperty(property, port + "|" + p.pid() + "|" + dir);
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (true) {
                try {
                    if ("PONG".equals(command("PING"))) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    if (!p.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("redis-server did not start on port " + port + ": "
                                + Files.readString(log), notYet);
                    }
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitFor(ProcessHandle p) {
        try {
            p.onExit().get(10, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A free port of the loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Object reply(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IllegalStateException("Redis: " + line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(reply(in));
                }
                return items;
            }
            default:
                throw new IOException("Unexpected Redis reply type " + (char) type);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.append((char) c);
        }
        in.read(); // \n
        return line.toString();
    }
}
