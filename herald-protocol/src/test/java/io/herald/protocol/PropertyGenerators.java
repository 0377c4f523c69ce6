package io.herald.protocol;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators the property tests share (QuickTheories), for what its own DSL leaves out: strings of
 * any UTF-16 code units (lone surrogates included), strings over a given alphabet, maps of distinct
 * keys and byte arrays. Lengths lean towards short values, where most edge cases are, while still
 * reaching the maximum. QuickTheories prints the seed of a failing run; {@code -DQT_SEED=<seed>}
 * replays it. It also skips an input it has already tried, so a property asks for about half as
 * many examples again as the distinct inputs it means to run.
 */
public final class PropertyGenerators {

    /** The longest string {@link #anyString()} makes. */
    public static final int DEFAULT_MAX_LENGTH = 255;

    public static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final String NUMERIC = "0123456789";

    private PropertyGenerators() {
    }

    /**
     * Any {@code char}: mostly printable ASCII and control characters (where parsers branch), else
     * any UTF-16 code unit, with lone surrogates drawn on purpose.
     */
    public static Gen<Character> anyChar() {
        return Generate.frequency(List.of(
                Pair.of(9, wellFormedChar()),
                Pair.of(1, Generate.characters(Character.MIN_SURROGATE, Character.MAX_SURROGATE))));
    }

    /** Any {@code char} but a surrogate: what stands for a character on its own. */
    public static Gen<Character> wellFormedChar() {
        return Generate.frequency(List.of(
                Pair.of(4, Generate.characters(' ', '~')),
                Pair.of(1, Generate.characters(0, 0x1f)),
                Pair.of(2, Generate.characters(0x7f, Character.MIN_SURROGATE - 1)),
                Pair.of(2, Generate.characters(Character.MAX_SURROGATE + 1, Character.MAX_VALUE))));
    }

    /** Any string of up to {@value #DEFAULT_MAX_LENGTH} chars. */
    public static Gen<String> anyString() {
        return anyString(0, DEFAULT_MAX_LENGTH);
    }

    /** Any string of {@code minLength} to {@code maxLength} chars: {@link #anyChar()}s and surrogate pairs. */
    public static Gen<String> anyString(int minLength, int maxLength) {
        return text(anyChar(), minLength, maxLength);
    }

    /**
     * Strings without lone surrogates (what JSON text decodes to and UTF-8 encodes faithfully) of
     * {@code minLength} to {@code maxLength} chars: {@link #wellFormedChar()}s and surrogate pairs.
     */
    public static Gen<String> wellFormedString(int minLength, int maxLength) {
        return text(wellFormedChar(), minLength, maxLength);
    }

    /** Strings of {@code minLength} to {@code maxLength} chars, each drawn from {@code alphabet}. */
    public static Gen<String> stringsOf(String alphabet, int minLength, int maxLength) {
        return stringsOf(charsOf(alphabet), minLength, maxLength);
    }

    /** Strings of {@code minLength} to {@code maxLength} chars, each drawn from {@code chars}. */
    public static Gen<String> stringsOf(Gen<Character> chars, int minLength, int maxLength) {
        return lists().of(chars).ofSizes(lengths(minLength, maxLength)).map(list -> {
            StringBuilder text = new StringBuilder(list.size());
            list.forEach(text::append);
            return text.toString();
        });
    }

    /** One char of {@code alphabet}. */
    public static Gen<Character> charsOf(String alphabet) {
        return Generate.range(0, alphabet.length() - 1).map(alphabet::charAt);
    }

    /** Byte arrays of up to {@code maxLength} bytes, each any value. */
    public static Gen<byte[]> bytes(int maxLength) {
        return Generate.byteArrays(lengths(0, maxLength), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    /**
     * Maps of up to {@code maxSize} entries in insertion order; a key drawn twice keeps its first value
     * (QuickTheories' own maps fail on a repeated key).
     */
    public static <K, V> Gen<Map<K, V>> mapsOf(Gen<K> keys, Gen<V> values, int maxSize) {
        return mapsOf(keys, values, 0, maxSize);
    }

    /** As {@link #mapsOf(Gen, Gen, int)}, with at least {@code minSize} draws (one or more gives a non-empty map). */
    public static <K, V> Gen<Map<K, V>> mapsOf(Gen<K> keys, Gen<V> values, int minSize, int maxSize) {
        return in -> {
            int size = lengths(minSize, maxSize).generate(in);
            Map<K, V> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                map.putIfAbsent(keys.generate(in), values.generate(in));
            }
            return map;
        };
    }

    /** {@code units} with, one piece in ten, a code point beyond the Basic Multilingual Plane (two chars). */
    private static Gen<String> text(Gen<Character> units, int minLength, int maxLength) {
        Gen<Boolean> pairNext = Generate.range(0, 9).map(n -> n == 0);
        Gen<Integer> supplementary = Generate.range(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT);
        return in -> {
            int length = lengths(minLength, maxLength).generate(in);
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                if (length - text.length() >= 2 && pairNext.generate(in)) {
                    text.appendCodePoint(supplementary.generate(in));
                } else {
                    text.append(units.generate(in).charValue());
                }
            }
            return text.toString();
        };
    }

    /** Lengths from {@code min} to {@code max}, half of them among the first ten. */
    private static Gen<Integer> lengths(int min, int max) {
        return Generate.oneOf(Generate.range(min, Math.min(max, min + 10)), integers().between(min, max));
    }
}
