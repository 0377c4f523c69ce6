package io.herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What one event loop received per event: how many deliveries, the first and last receive time, and
 * a histogram of publish→receive latency in microseconds. Plain arrays and a plain histogram: only
 * the owning thread records, others read {@link #total()} or take a copy on that thread
 * ({@link SocketFleet#deliveries()}). Merged in the parent from the JSON each worker sends.
 */
public final class Deliveries {

    /** Latencies above an hour are clipped; three significant digits. */
    static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final int[] counts;
    private final long[] first;
    private final long[] last;
    private final Histogram latency;
    /** Deliveries recorded, for progress lines read from other threads; written by the owner only. */
    private final AtomicLong total = new AtomicLong();
    private long unexpected;

    public Deliveries(int events) {
        this(events, new Histogram(MAX_MICROS, 3));
    }

    private Deliveries(int events, Histogram latency) {
        counts = new int[events];
        first = new long[events];
        last = new long[events];
        Arrays.fill(first, Long.MAX_VALUE);
        Arrays.fill(last, Long.MIN_VALUE);
        this.latency = latency;
        total.set(latency.getTotalCount());
    }

    /** Records event {@code seq}, published at {@code sentNanos}, received at {@code receivedNanos}. */
    public void record(int seq, long sentNanos, long receivedNanos) {
        if (seq < 0 || seq >= counts.length) {
            unexpected++;
            return;
        }
        counts[seq]++;
        first[seq] = Math.min(first[seq], receivedNanos);
        last[seq] = Math.max(last[seq], receivedNanos);
        latency.recordValue(Math.min(MAX_MICROS, Math.max(0, (receivedNanos - sentNanos) / 1000)));
        total.lazySet(total.get() + 1); // single writer: a plain store, no atomic read-modify-write
    }

    public int events() {
        return counts.length;
    }

    public int count(int seq) {
        return counts[seq];
    }

    /** First receive time of {@code seq} ({@link System#nanoTime()}), {@code Long.MAX_VALUE} if none. */
    public long first(int seq) {
        return first[seq];
    }

    /** Last receive time of {@code seq}, {@code Long.MIN_VALUE} if none. */
    public long last(int seq) {
        return last[seq];
    }

    /** Publish→receive latency of every delivery, in microseconds. */
    public Histogram latency() {
        return latency;
    }

    /** Deliveries with a sequence number outside the run: duplicates of another run or garbage. */
    public long unexpected() {
        return unexpected;
    }

    /** All deliveries so far; safe from any thread. */
    public long total() {
        return total.get();
    }

    /** Adds {@code other}'s deliveries to these, on the thread that owns these. */
    public void merge(Deliveries other) {
        for (int i = 0; i < Math.min(events(), other.events()); i++) {
            counts[i] += other.count(i);
            first[i] = Math.min(first[i], other.first(i));
            last[i] = Math.max(last[i], other.last(i));
        }
        latency.add(other.latency);
        unexpected += other.unexpected();
        total.set(latency.getTotalCount());
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
        json.put("latency", Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length)));
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
            d.counts[i] = json.get("counts").get(i).asInt();
            d.first[i] = json.get("first").get(i).asLong();
            d.last[i] = json.get("last").get(i).asLong();
        }
        d.unexpected = json.get("unexpected").asLong();
        return d;
    }
}
