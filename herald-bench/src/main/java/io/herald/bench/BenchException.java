package io.herald.bench;

/** A benchmark run could not go on: bad options, a worker gone, a phase over its time bound. */
public class BenchException extends RuntimeException {

    public BenchException(String message) {
        super(message);
    }
}
