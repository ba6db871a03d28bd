package io.quarkiverse.pipelinedeployment.runtime.security;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.common.model.ResourceClass;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.model.HandlerChainCustomizer;
import org.jboss.resteasy.reactive.server.model.ServerResourceMethod;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

import io.quarkus.arc.Arc;

/**
 * Puts the API keys in front of every method of a protected native JAX-RS endpoint, inside RESTEasy Reactive: its
 * handler runs right after RESTEasy Reactive matched the request to the method (resource methods, inherited ones,
 * {@code HEAD} and sub-resource locators alike), so no path trick can reach the method without the check. Added to
 * exactly those resource classes' methods at build time.
 */
public final class ApiKeyRestGuard implements HandlerChainCustomizer {

    @Override
    public List<ServerRestHandler> handlers(Phase phase, ResourceClass resourceClass,
            ServerResourceMethod resourceMethod) {
        return phase == Phase.AFTER_MATCH ? List.of(Check.INSTANCE) : List.of();
    }

    /** The check; the keys are read from their bean on first use. */
    static final class Check implements ServerRestHandler {

        static final Check INSTANCE = new Check();
        private static final String MISSING = "{\"detail\":\"" + ApiKeys.MISSING_DETAIL + "\"}";
        private static final String INVALID = "{\"detail\":\"" + ApiKeys.INVALID_DETAIL + "\"}";

        private volatile ApiKeys keys;

        @Override
        public void handle(ResteasyReactiveRequestContext context) {
            ApiKeys apiKeys = keys;
            if (apiKeys == null) {
                apiKeys = keys = Arc.container().instance(ApiKeys.class).get();
            }
            switch (apiKeys.check(context.serverRequest().getRequestHeader(HttpHeaders.AUTHORIZATION))) {
                case ALLOWED -> {
                }
                case MISSING -> throw unauthorized(MISSING);
                case INVALID -> throw unauthorized(INVALID);
            }
        }

        private static WebApplicationException unauthorized(String body) {
            return new WebApplicationException(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
        }
    }
}
