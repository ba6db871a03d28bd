package org.acme;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.pipelinedeployment.EndpointMethod;
import io.quarkiverse.pipelinedeployment.PipelineEndpoint;

/** A custom endpoint declared on a bean method: {@code name} binds from the query string. */
@ApplicationScoped
public class Cache {

    private final Map<String, String> models = new ConcurrentHashMap<>(Map.of("fraud", "/models/fraud.bin"));

    @PipelineEndpoint(path = "/cache/models", method = EndpointMethod.DELETE)
    public Map<String, String> evict(String name) {
        String path = models.remove(name);
        return Map.of("name", name, "evicted", String.valueOf(path != null));
    }
}
