package org.sunbid.platform.web;

import java.util.stream.Collectors;

/** Finds the JSON property a body-parsing failure points at, without exposing parser internals. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String fieldOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException je && !je.getPath().isEmpty()) {
                return je.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
            }
        }
        return null;
    }
}
