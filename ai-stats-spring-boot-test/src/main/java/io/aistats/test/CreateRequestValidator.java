package io.aistats.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gateway's strict create-request schema (§3.1) with the validator's issue codes and wording: unknown keys,
 * exact JSON types (no {@code null}), ranges, and the cross-field rules (prompt or image input, {@code size} alone,
 * {@code provider_params} forbidden keys at any depth, https input references, webhook events). Cross-field rules
 * run only when the shape is valid, as refinements do.
 */
final class CreateRequestValidator {

    private static final List<String> TOP_LEVEL_KEYS = List.of("model", "prompt", "seconds", "duration",
            "input_video_duration", "input_audio_duration", "size", "resolution", "aspect_ratio", "seed",
            "sample_count", "negative_prompt", "generate_audio", "enhance_prompt", "compression_quality",
            "person_generation", "resize_mode", "input_reference", "input_references", "provider_params", "output",
            "webhook", "provider", "routing", "debug", "beta", "echo_upstream_request");

    private static final List<String> SECONDS_VALUES = List.of("4", "8", "12", "16", "20");

    private static final List<String> ROLES = List.of("first_frame", "last_frame", "reference", "source", "mask");

    private static final List<String> ACCESS_VALUES = List.of("bytes", "signed_url", "both");

    private static final Set<String> FORBIDDEN_PROVIDER_PARAMS = Set.of("request", "model", "prompt", "input",
            "content", "duration", "durationseconds", "inputvideoduration", "inputvideodurationseconds",
            "inputaudioduration", "seconds", "size", "resolution", "aspectratio", "ratio", "samplecount",
            "numberofvideos", "callbackurl");

    private static final int MAX_PROMPT = 32_000;

    private static final int MAX_IMAGE_URL = 28_000_000;

    private final List<ValidationIssue> issues = new ArrayList<>();

    private CreateRequestValidator() {
    }

    /**
     * Validates a parsed body.
     * @param body the JSON body
     * @return the request, or the issues in the validator's order
     */
    static Result validate(JsonNode body) {
        CreateRequestValidator validator = new CreateRequestValidator();
        if (!body.isObject()) {
            validator.typeIssue(List.of(), "object", body);
            return new Result(null, validator.issues);
        }
        validator.checkShape(body);
        if (validator.issues.isEmpty()) {
            validator.checkRefinements(body);
        }
        if (!validator.issues.isEmpty()) {
            return new Result(null, List.copyOf(validator.issues));
        }
        return new Result(toRequest(body), List.of());
    }

    private void checkShape(JsonNode body) {
        string(body, "model", 1, null);
        string(body, "prompt", null, MAX_PROMPT);
        enumeration(body, "seconds", SECONDS_VALUES, List.of());
        integer(body, "duration", 1L, 120L);
        number(body, "input_video_duration", 0.0, true, 3600.0);
        number(body, "input_audio_duration", 2.0, false, 20.0);
        string(body, "size", 1, null);
        string(body, "resolution", 1, null);
        string(body, "aspect_ratio", 1, null);
        integer(body, "seed", null, null);
        integer(body, "sample_count", 1L, 4L);
        string(body, "negative_prompt", null, null);
        bool(body, "generate_audio", List.of());
        bool(body, "enhance_prompt", List.of());
        integer(body, "compression_quality", 0L, 100L);
        string(body, "person_generation", null, null);
        string(body, "resize_mode", null, null);
        inputReference(body.get("input_reference"));
        inputReferences(body.get("input_references"));
        object(body, "provider_params", List.of());
        output(body.get("output"));
        webhook(body.get("webhook"));
        routing(body, "provider");
        routing(body, "routing");
        object(body, "debug", List.of());
        object(body, "beta", List.of());
        bool(body, "echo_upstream_request", List.of());
        unrecognized(body, TOP_LEVEL_KEYS, List.of());
    }

    private void inputReference(@Nullable JsonNode value) {
        List<Object> path = List.of("input_reference");
        if (value == null) {
            return;
        }
        if (!value.isObject()) {
            typeIssue(path, "object", value);
            return;
        }
        string(value, "file_id", 1, null, path);
        string(value, "image_url", 1, MAX_IMAGE_URL, path);
        unrecognized(value, List.of("file_id", "image_url"), path);
    }

    private void inputReferences(@Nullable JsonNode value) {
        List<Object> path = List.of("input_references");
        if (value == null) {
            return;
        }
        if (!value.isArray()) {
            typeIssue(path, "array", value);
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            List<Object> itemPath = append(path, i);
            if (!item.isObject()) {
                typeIssue(itemPath, "object", item);
                continue;
            }
            JsonNode type = item.get("type");
            String media = type == null || !type.isString() ? null : switch (type.stringValue()) {
                case "image_url" -> "image_url";
                case "video_url", "audio_url" -> "media_url";
                default -> null;
            };
            if (media == null) {
                this.issues.add(new ValidationIssue("Invalid input", append(itemPath, "type"), "invalid_union"));
                continue;
            }
            enumeration(item, "role", ROLES, itemPath);
            string(item, "reference_type", null, null, itemPath);
            JsonNode mediaNode = item.get(media);
            List<Object> mediaPath = append(itemPath, media);
            if (mediaNode == null || !mediaNode.isObject()) {
                typeIssue(mediaPath, "object", mediaNode);
            }
            else {
                JsonNode url = mediaNode.get("url");
                if (url == null || !url.isString()) {
                    typeIssue(append(mediaPath, "url"), "string", url);
                }
                unrecognized(mediaNode, List.of("url"), mediaPath);
            }
            unrecognized(item, List.of("type", "role", "reference_type", media), itemPath);
        }
    }

    private void output(@Nullable JsonNode value) {
        if (value == null) {
            return;
        }
        List<Object> path = List.of("output");
        if (!value.isObject()) {
            typeIssue(path, "object", value);
            return;
        }
        enumeration(value, "access", ACCESS_VALUES, path);
    }

    private void webhook(@Nullable JsonNode value) {
        if (value == null) {
            return;
        }
        List<Object> path = List.of("webhook");
        if (!value.isObject()) {
            typeIssue(path, "object", value);
            return;
        }
        JsonNode endpoint = value.get("endpoint_id");
        if (endpoint == null || !endpoint.isString()) {
            typeIssue(append(path, "endpoint_id"), "string", endpoint);
        }
        else if (endpoint.stringValue().isEmpty()) {
            this.issues.add(new ValidationIssue("Too small: expected string to have >=1 characters",
                    append(path, "endpoint_id"), "too_small"));
        }
        stringArray(value, "events", path);
        unrecognized(value, List.of("endpoint_id", "events"), path);
    }

    /** Provider routing hints: typed where documented (snake_case and camelCase), other keys kept. */
    private void routing(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null) {
            return;
        }
        List<Object> path = List.of(name);
        if (!value.isObject()) {
            typeIssue(path, "object", value);
            return;
        }
        for (String list : List.of("order", "only", "ignore")) {
            stringArray(value, list, path);
        }
        bool(value, "allow_fallbacks", path);
        bool(value, "allowFallbacks", path);
        JsonNode sort = value.get("sort");
        if (sort != null && !sort.isString() && !sort.isObject()) {
            typeIssue(append(path, "sort"), "string", sort);
        }
    }

    private void stringArray(JsonNode parent, String name, List<Object> parentPath) {
        JsonNode value = parent.get(name);
        if (value == null) {
            return;
        }
        List<Object> path = append(parentPath, name);
        if (!value.isArray()) {
            typeIssue(path, "array", value);
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isString()) {
                typeIssue(append(path, i), "string", value.get(i));
            }
        }
    }

    private void checkRefinements(JsonNode body) {
        JsonNode reference = body.get("input_reference");
        if (reference != null && reference.has("file_id") == reference.has("image_url")) {
            custom("Provide exactly one of file_id or image_url", List.of("input_reference"));
        }
        JsonNode references = body.get("input_references");
        if (references != null) {
            for (int i = 0; i < references.size(); i++) {
                JsonNode item = references.get(i);
                String media = "image_url".equals(item.get("type").stringValue()) ? "image_url" : "media_url";
                String url = item.get(media).get("url").stringValue();
                if (!JsText.isHttpsUrl(url)) {
                    custom("video input references must use https", List.of("input_references", i, media, "url"));
                }
            }
        }
        JsonNode webhook = body.get("webhook");
        if (webhook != null && webhook.has("events") && !webhook.get("events").isEmpty()) {
            List<String> events = new ArrayList<>();
            webhook.get("events").values().forEach(event -> events.add(event.stringValue()));
            if (VideoWebhookEvents.normalizeAll(events).isEmpty()) {
                custom("Invalid video webhook configuration", List.of("webhook"));
            }
        }
        String prompt = body.has("prompt") ? body.get("prompt").stringValue() : "";
        if (JsText.isBlank(prompt) && !hasImageInput(body)) {
            custom("prompt is required unless an image input reference is provided", List.of("prompt"));
        }
        if (body.has("size") && (body.has("resolution") || body.has("aspect_ratio"))) {
            custom("size cannot be combined with resolution or aspect_ratio", List.of("size"));
        }
        JsonNode providerParams = body.get("provider_params");
        if (providerParams != null) {
            forbiddenProviderParams(providerParams, List.of("provider_params"));
        }
    }

    private void forbiddenProviderParams(JsonNode node, List<Object> path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                List<Object> memberPath = append(path, member.getKey());
                String normalized = member.getKey().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
                if (FORBIDDEN_PROVIDER_PARAMS.contains(normalized)) {
                    custom(member.getKey() + " must be supplied through a validated top-level video field",
                            memberPath);
                }
                forbiddenProviderParams(member.getValue(), memberPath);
            }
        }
        else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forbiddenProviderParams(node.get(i), append(path, i));
            }
        }
    }

    private static boolean hasImageInput(JsonNode body) {
        if (body.has("input_reference")) {
            return true;
        }
        JsonNode references = body.get("input_references");
        if (references != null) {
            for (JsonNode item : references.values()) {
                if ("image_url".equals(item.path("type").asString(""))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static CreateRequest toRequest(JsonNode body) {
        JsonNode webhook = body.get("webhook");
        List<String> events = new ArrayList<>();
        if (webhook != null && webhook.has("events")) {
            webhook.get("events").values().forEach(event -> events.add(event.stringValue()));
        }
        JsonNode output = body.get("output");
        return new CreateRequest(
                body.has("model") ? body.get("model").stringValue() : VideoModelCatalog.DEFAULT_MODEL,
                body.has("prompt") ? body.get("prompt").stringValue() : "",
                textOrNull(body, "seconds"),
                body.has("duration") ? (int) body.get("duration").doubleValue() : null,
                textOrNull(body, "size"), textOrNull(body, "resolution"), textOrNull(body, "aspect_ratio"),
                body.has("sample_count") ? (int) body.get("sample_count").doubleValue() : 1,
                output != null && output.has("access") ? output.get("access").stringValue() : "both",
                webhook != null ? webhook.get("endpoint_id").stringValue() : null,
                VideoWebhookEvents.normalizeAll(events));
    }

    private static @Nullable String textOrNull(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value != null ? value.stringValue() : null;
    }

    // --- field checks -------------------------------------------------------------------------------------------

    private void string(JsonNode parent, String name, @Nullable Integer min, @Nullable Integer max) {
        string(parent, name, min, max, List.of());
    }

    private void string(JsonNode parent, String name, @Nullable Integer min, @Nullable Integer max,
            List<Object> parentPath) {
        JsonNode value = parent.get(name);
        if (value == null) {
            return;
        }
        List<Object> path = append(parentPath, name);
        if (!value.isString()) {
            typeIssue(path, "string", value);
            return;
        }
        int length = value.stringValue().codePointCount(0, value.stringValue().length());
        if (min != null && length < min) {
            this.issues.add(new ValidationIssue("Too small: expected string to have >=" + min + " characters", path,
                    "too_small"));
        }
        if (max != null && length > max) {
            this.issues.add(new ValidationIssue("Too big: expected string to have <=" + max + " characters", path,
                    "too_big"));
        }
    }

    private void integer(JsonNode parent, String name, @Nullable Long min, @Nullable Long max) {
        JsonNode value = parent.get(name);
        if (value == null) {
            return;
        }
        List<Object> path = List.of(name);
        if (!value.isNumber()) {
            typeIssue(path, "number", value);
            return;
        }
        double number = value.doubleValue();
        if (number != Math.rint(number) || Math.abs(number) > 9_007_199_254_740_991.0) {
            this.issues.add(new ValidationIssue("Invalid input: expected int, received number", path, "invalid_type"));
            return;
        }
        range(path, number, min != null ? min.doubleValue() : null, false, max != null ? max.doubleValue() : null);
    }

    private void number(JsonNode parent, String name, double min, boolean exclusiveMin, double max) {
        JsonNode value = parent.get(name);
        if (value == null) {
            return;
        }
        List<Object> path = List.of(name);
        if (!value.isNumber()) {
            typeIssue(path, "number", value);
            return;
        }
        range(path, value.doubleValue(), min, exclusiveMin, max);
    }

    private void range(List<Object> path, double number, @Nullable Double min, boolean exclusiveMin,
            @Nullable Double max) {
        if (min != null && (exclusiveMin ? number <= min : number < min)) {
            this.issues.add(new ValidationIssue("Too small: expected number to be " + (exclusiveMin ? ">" : ">=")
                    + format(min), path, "too_small"));
        }
        if (max != null && number > max) {
            this.issues.add(new ValidationIssue("Too big: expected number to be <=" + format(max), path, "too_big"));
        }
    }

    private void bool(JsonNode parent, String name, List<Object> parentPath) {
        JsonNode value = parent.get(name);
        if (value != null && !value.isBoolean()) {
            typeIssue(append(parentPath, name), "boolean", value);
        }
    }

    private void object(JsonNode parent, String name, List<Object> parentPath) {
        JsonNode value = parent.get(name);
        if (value != null && !value.isObject()) {
            typeIssue(append(parentPath, name), "object", value);
        }
    }

    private void enumeration(JsonNode parent, String name, List<String> allowed, List<Object> parentPath) {
        JsonNode value = parent.get(name);
        if (value == null) {
            return;
        }
        if (!value.isString() || !allowed.contains(value.stringValue())) {
            String options = allowed.stream().map(option -> "\"" + option + "\"").collect(Collectors.joining("|"));
            this.issues.add(new ValidationIssue("Invalid option: expected one of " + options,
                    append(parentPath, name), "invalid_value"));
        }
    }

    private void unrecognized(JsonNode object, List<String> known, List<Object> path) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String name : object.propertyNames()) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        String keys = unknown.stream().map(key -> "\"" + key + "\"").collect(Collectors.joining(", "));
        this.issues.add(new ValidationIssue((unknown.size() == 1 ? "Unrecognized key: " : "Unrecognized keys: ") + keys,
                path, "unrecognized_keys"));
    }

    private void custom(String message, List<Object> path) {
        this.issues.add(new ValidationIssue(message, path, "custom"));
    }

    private void typeIssue(List<Object> path, String expected, @Nullable JsonNode actual) {
        this.issues.add(new ValidationIssue(InvalidTypes.message(expected, actual), path, "invalid_type"));
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }

    private static List<Object> append(List<Object> path, Object element) {
        List<Object> result = new ArrayList<>(path);
        result.add(element);
        return result;
    }

    /**
     * The outcome of validation.
     * @param request the request when valid
     * @param issues the issues otherwise
     */
    record Result(@Nullable CreateRequest request, List<ValidationIssue> issues) {
    }
}
