package io.quarkiverse.pipelinedeployment.deployment.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A native JAX-RS resource behind the API keys needs the key for every request that reaches it, however its path is
 * written: matrix parameters, path parameters whose regex spans {@code /}, a {@code {n}} quantifier (which once
 * crashed the build), a sub-resource locator, an inherited method, {@code HEAD} and {@code OPTIONS}, and the usual
 * {@code //}, dot-segment, trailing-slash and percent-encoding tricks. The check runs inside RESTEasy Reactive, after
 * its own matching; a path re-derived for Vert.x once let these through.
 */
public class NativeResourcePathTricksTest {

    static final String P = "quarkus.pipeline.custom-endpoints.";
    static final String KEY = "Authorization: Bearer k";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, ModelsResource.class, BaseResource.class,
                    FilesResource.class, RawHttp.class))
            .overrideConfigKey("quarkus.pipeline.root-path", "/svc")
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k")
            .overrideConfigKey(P + "models.path", "/models")
            .overrideConfigKey(P + "models.handler", ModelsResource.class.getName())
            .overrideConfigKey(P + "models.native", "true");

    /** Each request reaches the resource with the key: the targets are real. */
    static final List<String[]> TARGETS = List.of(
            new String[] { "POST", "/svc/models", "created" },
            new String[] { "POST", "/svc/models;x=1", "created" },
            new String[] { "GET", "/svc/models/m1", "model m1" },
            new String[] { "GET", "/svc/models;a=b/m1", "model m1" },
            new String[] { "GET", "/svc/models/m1;a=b", "model m1" },
            new String[] { "GET", "/svc/models/m1/", "model m1" },
            new String[] { "GET", "/svc/models/%6d1", "model m1" },
            new String[] { "GET", "/svc//models/m1", null },
            new String[] { "GET", "/svc/./models/m1", "model m1" },
            new String[] { "GET", "/svc/x/../models/m1", "model m1" },
            new String[] { "GET", "/svc/models/m1/files/a/b.txt", "file m1 a/b.txt" },
            new String[] { "GET", "/svc/models/codes/123", "code 123" },
            new String[] { "GET", "/svc/models/sub/s1", "sub s1" },
            new String[] { "GET", "/svc/models/sub;m=1/s1", "sub s1" },
            new String[] { "GET", "/svc/models/inherited", "inherited" },
            new String[] { "HEAD", "/svc/models/m1", null },
            new String[] { "OPTIONS", "/svc/models/m1", null });

    @Test
    void everyPathNeedsTheKey() {
        for (String[] target : TARGETS) {
            RawHttp.Answer answer = RawHttp.send(target[0], target[1]);
            assertThat(answer.status()).as(target[0] + " " + target[1] + " without a key -> " + answer)
                    .isIn(401, 404);
            if (answer.status() == 401 && !target[0].equals("HEAD")) {
                assertThat(answer.body()).as(target[0] + " " + target[1]).contains("Authorization header required");
            }
            RawHttp.Answer wrong = RawHttp.send(target[0], target[1], "Authorization: Bearer nope");
            assertThat(wrong.status()).as(target[0] + " " + target[1] + " with a wrong key -> " + wrong)
                    .isIn(401, 404);
        }
    }

    @Test
    void theTargetsAreServedWithTheKey() {
        for (String[] target : TARGETS) {
            if (target[2] == null) {
                continue;
            }
            RawHttp.Answer answer = RawHttp.send(target[0], target[1], KEY);
            assertThat(answer.status()).as(target[0] + " " + target[1] + " -> " + answer).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(target[2]);
        }
        assertThat(RawHttp.send("HEAD", "/svc/models/m1", KEY).status()).isEqualTo(200);
    }

    public static class BaseResource {
        @GET
        @Path("/inherited")
        @Produces(MediaType.TEXT_PLAIN)
        public String inherited() {
            return "inherited";
        }
    }

    public static class ModelsResource extends BaseResource {
        @GET
        @Path("/{id: [a-z0-9]+}")
        @Produces(MediaType.TEXT_PLAIN)
        public String get(@PathParam("id") String id) {
            return "model " + id;
        }

        @POST
        @Produces(MediaType.TEXT_PLAIN)
        public String create() {
            return "created";
        }

        @GET
        @Path("/{id}/files/{name: .+}")
        @Produces(MediaType.TEXT_PLAIN)
        public String file(@PathParam("id") String id, @PathParam("name") String name) {
            return "file " + id + " " + name;
        }

        @GET
        @Path("/codes/{code: [0-9]{3}}")
        @Produces(MediaType.TEXT_PLAIN)
        public String code(@PathParam("code") String code) {
            return "code " + code;
        }

        @Path("/sub")
        public FilesResource sub() {
            return new FilesResource();
        }
    }

    public static class FilesResource {
        @GET
        @Path("/{x}")
        @Produces(MediaType.TEXT_PLAIN)
        public String get(@PathParam("x") String x) {
            return "sub " + x;
        }
    }
}
