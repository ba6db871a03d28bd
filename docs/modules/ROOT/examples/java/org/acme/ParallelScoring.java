package org.acme;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;

@ApplicationScoped
public class ParallelScoring {

    @Inject
    ManagedExecutor executor;

    @Inject
    ThreadContext threadContext;

    public record Item(String id, double amount) {
    }

    @Step
    double score(Item item) {
        return item.amount() / 100.0;
    }

    @Pipeline
    public List<Double> scoreAll(List<Item> items) {
        // an executor that propagates context, and the CompletableFutures it makes
        List<CompletableFuture<Double>> futures = items.stream()
                .map(item -> executor.supplyAsync(() -> score(item))).toList();
        // a parallel stream (or any task) wrapped by ThreadContext
        List<Double> more = items.parallelStream().map(threadContext.contextualFunction(this::score)).toList();

        List<Double> scores = new ArrayList<>();
        futures.forEach(f -> scores.add(f.join()));
        scores.addAll(more);
        return scores;
    }
}
