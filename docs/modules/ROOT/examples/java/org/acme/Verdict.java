package org.acme;

public record Verdict(double score, boolean flagged) {
}
