package io.aistats.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST} and {@code PATCH /v1/webhook-endpoints} (§5.3.1, §5.3.4), read like the gateway's schema
 * does: not strict (unknown keys are ignored), strings trimmed, {@code name} 1 ... 120 characters, {@code events}
 * non-empty strings, {@code status} {@code active} or {@code disabled} (update only). Issues are reported in the
 * validator's shape ({@code code}, {@code path}, {@code message} and the code's own members).
 *
 * @param name the trimmed name, or {@code null} when absent
 * @param url the trimmed URL, or {@code null} when absent
 * @param events the trimmed events, or {@code null} when absent
 * @param status the requested status, or {@code null} when absent
 * @param issues what is wrong; empty when the body is valid
 */
record WebhookEndpointPayload(@Nullable String name, @Nullable String url, @Nullable List<String> events,
        @Nullable String status, List<ObjectNode> issues) {

    static final int MAX_NAME_LENGTH = 120;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * @param body the parsed body, or {@code null} when it was empty or not JSON
     * @return the create payload ({@code url} required)
     */
    static WebhookEndpointPayload forCreate(@Nullable JsonNode body) {
        return read(body, true);
    }

    /**
     * @param body the parsed body, or {@code null} when it was empty or not JSON
     * @return the update payload (every member optional, {@code status} allowed)
     */
    static WebhookEndpointPayload forUpdate(@Nullable JsonNode body) {
        return read(body, false);
    }

    /** @return whether the body passed the schema */
    boolean isValid() {
        return this.issues.isEmpty();
    }

    private static WebhookEndpointPayload read(@Nullable JsonNode body, boolean create) {
        List<ObjectNode> issues = new ArrayList<>();
        if (body == null || !body.isObject()) {
            issues.add(invalidType("object", body, List.of()));
            return new WebhookEndpointPayload(null, null, null, null, issues);
        }
        String name = name(body.get("name"), issues);
        String url = string(body.get("url"), "url", create, issues);
        List<String> events = events(body.get("events"), issues);
        String status = create ? null : status(body.get("status"), issues);
        return new WebhookEndpointPayload(name, url, events, status, issues);
    }

    private static @Nullable String name(@Nullable JsonNode value, List<ObjectNode> issues) {
        String name = string(value, "name", false, issues);
        if (name == null) {
            return null;
        }
        if (name.isEmpty()) {
            issues.add(tooSmall(List.of("name")));
        }
        else if (name.length() > MAX_NAME_LENGTH) {
            ObjectNode issue = NODES.objectNode();
            issue.put("origin", "string");
            issue.put("code", "too_big");
            issue.put("maximum", MAX_NAME_LENGTH);
            issue.put("inclusive", true);
            issue.set("path", path(List.of("name")));
            issue.put("message", "Too big: expected string to have <=" + MAX_NAME_LENGTH + " characters");
            issues.add(issue);
        }
        return name;
    }

    private static @Nullable String string(@Nullable JsonNode value, String member, boolean required,
            List<ObjectNode> issues) {
        if (value == null) {
            if (required) {
                issues.add(invalidType("string", null, List.of(member)));
            }
            return null;
        }
        if (!value.isString()) {
            issues.add(invalidType("string", value, List.of(member)));
            return null;
        }
        return value.stringValue().strip();
    }

    private static @Nullable List<String> events(@Nullable JsonNode value, List<ObjectNode> issues) {
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            issues.add(invalidType("array", value, List.of("events")));
            return null;
        }
        List<String> events = new ArrayList<>();
        int index = 0;
        for (JsonNode item : value.values()) {
            List<Object> path = List.of("events", index++);
            if (!item.isString()) {
                issues.add(invalidType("string", item, path));
            }
            else if (item.stringValue().isBlank()) {
                issues.add(tooSmall(path));
            }
            else {
                events.add(item.stringValue().strip());
            }
        }
        return events;
    }

    private static @Nullable String status(@Nullable JsonNode value, List<ObjectNode> issues) {
        if (value == null) {
            return null;
        }
        if (value.isString() && (SimulatedWebhookEndpoint.ACTIVE.equals(value.stringValue())
                || SimulatedWebhookEndpoint.DISABLED.equals(value.stringValue()))) {
            return value.stringValue();
        }
        ObjectNode issue = NODES.objectNode();
        issue.put("code", "invalid_value");
        ArrayNode values = issue.putArray("values");
        values.add(SimulatedWebhookEndpoint.ACTIVE);
        values.add(SimulatedWebhookEndpoint.DISABLED);
        issue.set("path", path(List.of("status")));
        issue.put("message", "Invalid option: expected one of \"active\"|\"disabled\"");
        issues.add(issue);
        return null;
    }

    private static ObjectNode invalidType(String expected, @Nullable JsonNode received, List<Object> path) {
        ObjectNode issue = NODES.objectNode();
        issue.put("expected", expected);
        issue.put("code", "invalid_type");
        issue.set("path", path(path));
        issue.put("message", InvalidTypes.message(expected, received));
        return issue;
    }

    private static ObjectNode tooSmall(List<Object> path) {
        ObjectNode issue = NODES.objectNode();
        issue.put("origin", "string");
        issue.put("code", "too_small");
        issue.put("minimum", 1);
        issue.put("inclusive", true);
        issue.set("path", path(path));
        issue.put("message", "Too small: expected string to have >=1 characters");
        return issue;
    }

    private static ArrayNode path(List<Object> path) {
        ArrayNode node = NODES.arrayNode();
        for (Object element : path) {
            if (element instanceof Integer index) {
                node.add(index);
            }
            else {
                node.add(String.valueOf(element));
            }
        }
        return node;
    }
}
