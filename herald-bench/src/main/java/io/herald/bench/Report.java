package io.herald.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The result of one run: its parameters, its figures in the order they were measured, and its
 * errors. Printed as a table, written as JSON.
 */
public final class Report {

    private final String scenario;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    public Report(String scenario) {
        this.scenario = scenario;
    }

    public Report parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public Report result(String name, Object value) {
        results.put(name, value instanceof Double d ? Math.round(d * 1000) / 1000.0 : value);
        return this;
    }

    /** {@code name.p50_ms … name.max_ms} of a histogram in microseconds. */
    public Report latency(String name, Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return result(name + ".count", 0L);
        }
        result(name + ".p50_ms", micros.getValueAtPercentile(50) / 1000.0);
        result(name + ".p90_ms", micros.getValueAtPercentile(90) / 1000.0);
        result(name + ".p99_ms", micros.getValueAtPercentile(99) / 1000.0);
        return result(name + ".max_ms", micros.getMaxValue() / 1000.0);
    }

    /** Copies {@code other}'s results, each name prefixed with {@code prefix}, and its errors. */
    public Report absorb(String prefix, Report other) {
        other.results.forEach((k, v) -> results.put(prefix + k, v));
        errors.addAll(other.errors);
        return this;
    }

    public Report error(String message) {
        errors.add(message);
        return this;
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public Object get(String result) {
        return results.get(result);
    }

    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode json = f.objectNode().put("scenario", scenario).put("finishedAt", Instant.now().toString());
        json.set("parameters", Worker.JSON.valueToTree(parameters));
        json.set("results", Worker.JSON.valueToTree(results));
        ArrayNode e = json.putArray("errors");
        errors.forEach(e::add);
        return json;
    }

    /** A two-column table of parameters, results and errors. */
    public String table() {
        int width = 12;
        for (String k : parameters.keySet()) {
            width = Math.max(width, k.length());
        }
        for (String k : results.keySet()) {
            width = Math.max(width, k.length());
        }
        StringBuilder sb = new StringBuilder("herald bench ").append(scenario).append('\n');
        String row = "  %-" + width + "s  %s%n";
        parameters.forEach((k, v) -> sb.append(String.format(row, k, v)));
        sb.append("  ").append("-".repeat(width + 14)).append('\n');
        results.forEach((k, v) -> sb.append(String.format(row, k, v)));
        errors.forEach(e -> sb.append("  error: ").append(e).append('\n'));
        return sb.toString();
    }

    public void write(Path file) {
        try {
            Files.writeString(file, Worker.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
