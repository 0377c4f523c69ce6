package io.herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.DataFormatException;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one worker received per event: how many deliveries, the first and last receive time, and a
 * histogram of publish→receive latency in microseconds. Recorded from event-loop threads without
 * locks; merged in the parent from the JSON each worker sends.
 */
public final class Deliveries {

    /** Latencies above an hour are clipped; three significant digits. */
    static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final AtomicIntegerArray counts;
    private final AtomicLongArray first;
    private final AtomicLongArray last;
    private final Histogram latency;
    private final LongAdder unexpected = new LongAdder();

    public Deliveries(int events) {
        this(events, new ConcurrentHistogram(MAX_MICROS, 3));
    }

    private Deliveries(int events, Histogram latency) {
        counts = new AtomicIntegerArray(events);
        first = new AtomicLongArray(events);
        last = new AtomicLongArray(events);
        for (int i = 0; i < events; i++) {
            first.set(i, Long.MAX_VALUE);
            last.set(i, Long.MIN_VALUE);
        }
        this.latency = latency;
    }

    /** Records event {@code seq}, published at {@code sentNanos}, received at {@code receivedNanos}. */
    public void record(int seq, long sentNanos, long receivedNanos) {
        if (seq < 0 || seq >= counts.length()) {
            unexpected.increment();
            return;
        }
        counts.incrementAndGet(seq);
        first.accumulateAndGet(seq, receivedNanos, Math::min);
        last.accumulateAndGet(seq, receivedNanos, Math::max);
        latency.recordValue(Math.min(MAX_MICROS, Math.max(0, (receivedNanos - sentNanos) / 1000)));
    }

    public int events() {
        return counts.length();
    }

    public int count(int seq) {
        return counts.get(seq);
    }

    /** First receive time of {@code seq} ({@link System#nanoTime()}), {@code Long.MAX_VALUE} if none. */
    public long first(int seq) {
        return first.get(seq);
    }

    /** Last receive time of {@code seq}, {@code Long.MIN_VALUE} if none. */
    public long last(int seq) {
        return last.get(seq);
    }

    /** Publish→receive latency of every delivery, in microseconds. */
    public Histogram latency() {
        return latency;
    }

    /** Deliveries with a sequence number outside the run: duplicates of another run or garbage. */
    public long unexpected() {
        return unexpected.sum();
    }

    /** All deliveries so far. */
    public long total() {
        return latency.getTotalCount();
    }

    /** Adds {@code other}'s deliveries to these. Not safe while either is still recording. */
    public void merge(Deliveries other) {
        for (int i = 0; i < Math.min(events(), other.events()); i++) {
            counts.addAndGet(i, other.count(i));
            first.accumulateAndGet(i, other.first(i), Math::min);
            last.accumulateAndGet(i, other.last(i), Math::max);
        }
        latency.add(other.latency);
        unexpected.add(other.unexpected());
    }

    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode c = f.arrayNode();
        ArrayNode fi = f.arrayNode();
        ArrayNode la = f.arrayNode();
        for (int i = 0; i < events(); i++) {
            c.add(count(i));
            fi.add(first(i));
            la.add(last(i));
        }
        ByteBuffer buffer = ByteBuffer.allocate(latency.getNeededByteBufferCapacity());
        int length = latency.encodeIntoCompressedByteBuffer(buffer);
        ObjectNode json = f.objectNode();
        json.set("counts", c);
        json.set("first", fi);
        json.set("last", la);
        json.put("unexpected", unexpected());
        json.put("latency", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
        return json;
    }

    public static Deliveries fromJson(JsonNode json) {
        Histogram histogram;
        try {
            histogram = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(json.get("latency").asText())), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("bad latency histogram from a worker", e);
        }
        int events = json.get("counts").size();
        Deliveries d = new Deliveries(events, histogram);
        for (int i = 0; i < events; i++) {
            d.counts.set(i, json.get("counts").get(i).asInt());
            d.first.set(i, json.get("first").get(i).asLong());
            d.last.set(i, json.get("last").get(i).asLong());
        }
        d.unexpected.add(json.get("unexpected").asLong());
        return d;
    }
}
