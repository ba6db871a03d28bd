package io.quarkiverse.pipelinedeployment.deployment.hooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A file the hooks of a test application append to, readable after the application has stopped (and across the
 * test's and the application's class loaders).
 */
public final class HookLog {

    private HookLog() {
    }

    public static Path file(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), "pipeline-hooks-" + name + ".log");
    }

    public static void reset(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void append(String name, String line) {
        try {
            Files.writeString(file(name), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(String name) {
        try {
            return Files.exists(file(name)) ? Files.readAllLines(file(name)) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
