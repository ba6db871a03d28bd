package io.quarkiverse.pipelinedeployment.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.quarkiverse.pipelinedeployment.runtime.security.ApiKeyAuthHandler;
import io.quarkiverse.pipelinedeployment.runtime.security.ApiKeys;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves a fixed set of files under a mount path, from memory: the bundled docs pages, ReDoc, the dashboard, or the
 * user's dashboard folder. The set is decided at build time, so nothing outside it can be reached: no {@code ..},
 * no symlink escape. The request path is percent-decoded once (UTF-8) to find the file, so {@code my%20file.js}
 * serves {@code my file.js}; a decoded name is only ever looked up in the set. An unknown name falls through to the
 * next route (the JSON 404, or the SPA fallback).
 */
public final class StaticFilesHandler implements Handler<RoutingContext> {

    /**
     * A file held in memory, with its content type.
     *
     * @param content written to every response as it is: build it with {@link JsonResponses#shared(byte[])}
     */
    public record Asset(String contentType, Buffer content) {
    }

    private final String mountPath;
    private final Map<String, Asset> files;
    private final ApiKeys keys;

    /**
     * @param mountPath the absolute path the files are served under, without a trailing slash ({@code ""} for
     *        {@code /})
     * @param files relative name ({@code index.html}, {@code static/app.js}) to asset; {@code index.html} also
     *        answers the mount path itself
     */
    public StaticFilesHandler(String mountPath, Map<String, Asset> files) {
        this(mountPath, files, null);
    }

    /**
     * @param keys the API keys each served file needs, or {@code null} when the files are public; an unknown name
     *        still falls through (to the JSON 404), key or not
     */
    public StaticFilesHandler(String mountPath, Map<String, Asset> files, ApiKeys keys) {
        this.mountPath = mountPath.endsWith("/") ? mountPath.substring(0, mountPath.length() - 1) : mountPath;
        this.files = Map.copyOf(files);
        this.keys = keys == null || !keys.enabled() ? null : keys;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String name = path.length() <= mountPath.length() ? "" : path.substring(mountPath.length());
        if (name.startsWith("/")) {
            name = name.substring(1);
        }
        if (name.indexOf('%') >= 0) {
            name = decodePath(name);
            if (name == null) {
                ctx.next();
                return;
            }
        }
        Asset asset = files.get(name.isEmpty() ? "index.html" : name);
        if (asset == null) {
            ctx.next();
            return;
        }
        if (allowed(ctx)) {
            send(ctx, asset);
        }
    }

    /** Whether the request may have a file: always for public files, else with a valid key (answering 401). */
    private boolean allowed(RoutingContext ctx) {
        return keys == null || ApiKeyAuthHandler.allowed(ctx, keys);
    }

    /**
     * Decodes the percent-encoding of a URL path (RFC 3986 section 2.1) as UTF-8. Unlike form decoding, a {@code +}
     * stays a {@code +}.
     *
     * @return the decoded path, or {@code null} when an escape is malformed or the bytes are not UTF-8
     */
    static String decodePath(String path) {
        int length = path.length();
        StringBuilder decoded = new StringBuilder(length);
        byte[] bytes = null;
        int i = 0;
        while (i < length) {
            char c = path.charAt(i);
            if (c != '%') {
                decoded.append(c);
                i++;
                continue;
            }
            // A run of escapes is one UTF-8 byte sequence
            if (bytes == null) {
                bytes = new byte[length / 3];
            }
            int count = 0;
            while (i < length && path.charAt(i) == '%') {
                int high = i + 2 < length ? Character.digit(path.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(path.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes[count++] = (byte) ((high << 4) | low);
                i += 3;
            }
            try {
                decoded.append(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, count)));
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        return decoded.toString();
    }

    /**
     * Answers the {@code index.html} of this set, for the SPA fallback; {@code false} when there is none.
     */
    public boolean sendIndex(RoutingContext ctx) {
        Asset index = files.get("index.html");
        if (index == null) {
            return false;
        }
        if (allowed(ctx)) {
            send(ctx, index);
        }
        return true;
    }

    static void send(RoutingContext ctx, Asset asset) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(200);
        response.headers().set(HttpHeaders.CONTENT_TYPE, asset.contentType());
        response.end(asset.content());
    }

    /**
     * Reads classpath resources into assets: relative name to resource path.
     */
    public static Map<String, Asset> load(Map<String, String> resources) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Map<String, Asset> assets = new HashMap<>();
        for (Map.Entry<String, String> e : resources.entrySet()) {
            try (InputStream in = loader.getResourceAsStream(e.getValue())) {
                if (in == null) {
                    throw new IllegalStateException("Missing bundled resource " + e.getValue());
                }
                assets.put(e.getKey(), new Asset(contentType(e.getKey()), JsonResponses.shared(in.readAllBytes())));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return assets;
    }

    /** The content type of a file, by its extension. */
    public static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "html", "htm" -> "text/html; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json", "map" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "ico" -> "image/x-icon";
            case "webp" -> "image/webp";
            case "woff" -> "font/woff";
            case "woff2" -> "font/woff2";
            case "ttf" -> "font/ttf";
            case "txt" -> "text/plain; charset=utf-8";
            case "wasm" -> "application/wasm";
            default -> "application/octet-stream";
        };
    }
}
