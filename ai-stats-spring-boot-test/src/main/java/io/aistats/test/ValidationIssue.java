package io.aistats.test;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One schema issue of a create request, as listed in shape-B {@code details}:
 * {@code {message, path[], keyword, params{}}}.
 *
 * @param message human text in the validator's wording
 * @param path keys (strings) and indices (integers) from the body's root
 * @param keyword the validator's issue code ({@code unrecognized_keys}, {@code invalid_type}, {@code custom}, ...)
 */
record ValidationIssue(String message, List<Object> path, String keyword) {

    ValidationIssue {
        path = List.copyOf(path);
    }

    /** @return the path joined with dots, e.g. {@code input_references.0.image_url.url} */
    String dottedPath() {
        return this.path.stream().map(String::valueOf).collect(Collectors.joining("."));
    }

    /** @return the {@code details} entry */
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("message", this.message);
        ArrayNode path = node.putArray("path");
        for (Object element : this.path) {
            if (element instanceof Integer index) {
                path.add(index);
            }
            else {
                path.add(String.valueOf(element));
            }
        }
        node.put("keyword", this.keyword);
        node.putObject("params");
        return node;
    }
}
