package io.quarkiverse.pipelinedeployment.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;

/**
 * The configured API keys ({@code quarkus.pipeline.auth.api-keys}) and the one check of an
 * {@code Authorization: Bearer <key>} header against them, shared by every gate of the deployment: the protected
 * Vert.x routes and the native JAX-RS endpoints. Keys are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, against every key, so the time taken does not tell which part matched.
 */
@Singleton
public class ApiKeys {

    /** The outcome of a check. */
    public enum Verdict {
        /** A configured key, or no key is configured (authentication is off). */
        ALLOWED,
        /** No {@code Authorization: Bearer} credentials. */
        MISSING,
        /** Bearer credentials that match no configured key. */
        INVALID
    }

    /** The 401 detail for {@link Verdict#MISSING}. */
    public static final String MISSING_DETAIL = "Authorization header required";
    /** The 401 detail for {@link Verdict#INVALID}. */
    public static final String INVALID_DETAIL = "Invalid authentication token";

    private static final String BEARER = "bearer ";

    private final byte[][] keyDigests;

    @Inject
    public ApiKeys(PipelineRuntimeConfig config) {
        this(config.auth().apiKeys().orElse(List.of()));
    }

    ApiKeys(List<String> configured) {
        List<byte[]> digests = new ArrayList<>();
        for (String key : configured) {
            if (!key.isBlank()) {
                digests.add(digest(key.trim()));
            }
        }
        this.keyDigests = digests.toArray(new byte[0][]);
    }

    /** Whether any key is configured: without one, authentication is off. */
    public boolean enabled() {
        return keyDigests.length > 0;
    }

    /**
     * Checks the value of an {@code Authorization} header ({@code null} when absent).
     */
    public Verdict check(String authorization) {
        if (keyDigests.length == 0) {
            return Verdict.ALLOWED;
        }
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Verdict.MISSING;
        }
        byte[] given = digest(authorization.substring(BEARER.length()).trim());
        boolean valid = false;
        for (byte[] key : keyDigests) {
            valid |= MessageDigest.isEqual(key, given);
        }
        return valid ? Verdict.ALLOWED : Verdict.INVALID;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
