package io.herald.server.message;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * Says what is wrong with text that isn't JSON in the sender's terms (where, and whether it was cut
 * short), instead of the parser's own message, which names parser settings and internals
 * ({@code Source: REDACTED (StreamReadFeature…)}).
 */
public final class JsonSyntax {

    private JsonSyntax() {
    }

    /** For example "ends before the JSON is complete (an object, array or string is not closed)". */
    public static String describe(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return "ends before the JSON is complete (an object, array or string is not closed)";
        }
        JsonLocation at = e.getLocation();
        if (at == null || at.getColumnNr() < 1) {
            return "is not valid JSON";
        }
        String where = at.getLineNr() > 1 ? "line " + at.getLineNr() + ", column " + at.getColumnNr()
                : "character " + at.getColumnNr();
        return "is not valid JSON at " + where;
    }
}
