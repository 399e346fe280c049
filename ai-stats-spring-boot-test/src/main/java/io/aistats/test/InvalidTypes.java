package io.aistats.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's schema validator's wording for a value of the wrong JSON type, shared by the create-request and the
 * webhook endpoint schemas.
 */
final class InvalidTypes {

    private InvalidTypes() {
    }

    /**
     * @param expected the type the schema wants, for example {@code string}
     * @param received the value sent, or {@code null} when the member is absent
     * @return for example {@code Invalid input: expected string, received number}
     */
    static String message(String expected, @Nullable JsonNode received) {
        return "Invalid input: expected " + expected + ", received " + typeName(received);
    }

    /**
     * @param value a parsed JSON value, or {@code null} when absent
     * @return the JavaScript name of its type as the validator prints it: {@code undefined}, {@code null},
     * {@code array}, {@code object}, {@code string}, {@code boolean} or {@code number}
     */
    static String typeName(@Nullable JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "undefined";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isString()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return "number";
    }
}
