package io.quarkiverse.pipelinedeployment.bench.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.pipelinedeployment.bench.scoring.Envelope;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;

/**
 * The hand-written service: {@code POST /invoke} on a worker thread, {@code POST /invoke-nb} on the event loop.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InvokeResource {

    @Inject
    Scorer scorer;

    @POST
    @Path("invoke")
    @Blocking
    public Response invoke(Envelope.Request request) {
        return scorer.invoke(request);
    }

    @POST
    @Path("invoke-nb")
    @NonBlocking
    public Response invokeNonBlocking(Envelope.Request request) {
        return scorer.invoke(request);
    }
}
