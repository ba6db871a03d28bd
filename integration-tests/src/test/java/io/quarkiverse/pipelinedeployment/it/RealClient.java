package io.quarkiverse.pipelinedeployment.it;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test or test class that drives a real client program found on {@code PATH}: headless Chromium, Prometheus'
 * {@code promtool}, Redocly's linter, Python with {@code requests}, curl.
 * <p>
 * Where one is missing, the test is skipped with one loud {@code REAL CLIENT MISSING} line, so that {@code ./mvnw verify}
 * passes on a fresh machine. With {@code -Dreal-clients=required} (CI) a missing client fails the test instead.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RealClientCondition.class)
@interface RealClient {

    Tool[] value();

    enum Tool {
        CHROMIUM("headless Chromium",
                "Debian: apt-get install chromium chromium-driver; Ubuntu: snap install chromium; "
                        + "Fedora: dnf install chromium chromedriver; "
                        + "macOS: brew install --cask chromium chromedriver",
                "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"),
        CHROMEDRIVER("chromedriver", "installed with Chromium (see above)", "chromedriver", "chromium.chromedriver"),
        PROMTOOL("Prometheus' promtool",
                "Debian/Ubuntu: apt-get install prometheus; Fedora: dnf install golang-github-prometheus; "
                        + "macOS: brew install prometheus",
                "promtool"),
        REDOCLY("Redocly's OpenAPI linter", "npm install -g @redocly/cli", "redocly"),
        CURL("curl", "Debian/Ubuntu: apt-get install curl; Fedora: dnf install curl; macOS: preinstalled", "curl"),
        PYTHON_REQUESTS("Python 3 with the requests package",
                "Debian/Ubuntu: apt-get install python3-requests; Fedora: dnf install python3-requests; "
                        + "macOS: pip3 install requests",
                "python3") {
            @Override
            boolean works(Path python) {
                try {
                    Process process = new ProcessBuilder(python.toString(), "-c", "import requests")
                            .redirectErrorStream(true).start();
                    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        };

        final String description;
        final String install;
        private final String[] commands;

        Tool(String description, String install, String... commands) {
            this.description = description;
            this.install = install;
            this.commands = commands;
        }

        /** The first of this tool's commands found on {@code PATH} that works. */
        Optional<Path> find() {
            String path = System.getenv("PATH");
            if (path == null) {
                return Optional.empty();
            }
            for (String command : commands) {
                for (String directory : path.split(File.pathSeparator)) {
                    if (directory.isEmpty()) {
                        continue;
                    }
                    Path candidate = Path.of(directory, command);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate) && works(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
            return Optional.empty();
        }

        /** The tool's path; call it from a test that carries {@code @RealClient} with this tool. */
        Path path() {
            return find().orElseThrow(() -> new IllegalStateException(description + " is not on PATH"));
        }

        boolean works(Path command) {
            return true;
        }
    }
}
