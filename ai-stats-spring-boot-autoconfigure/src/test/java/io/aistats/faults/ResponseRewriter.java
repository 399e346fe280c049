package io.aistats.faults;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Rewrites the JSON bodies of successful answers on their way from the simulator to the client, for faults the
 * simulator does not inject itself: a gateway that adds members or statuses the client has never heard of, or one
 * that answers 200 with something that is not JSON at all. Disarmed, it passes every answer through untouched.
 */
final class ResponseRewriter {

    /** A member no version of the client models. */
    static final String UNKNOWN_MEMBER = "x_future_member";

    /** A status no version of the client knows. */
    static final String UNKNOWN_STATUS = "rendering_8k";

    /** A 200 body that no JSON parser accepts. */
    static final String GARBLED_BODY = "<html>\u0000\u00ff\u0007 gateway ate the answer }{";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicReference<@Nullable UnaryOperator<String>> rewrite = new AtomicReference<>();

    /**
     * @return the filter to install on the client's {@code WebClient.Builder}
     */
    ExchangeFilterFunction filter() {
        return ExchangeFilterFunction.ofResponseProcessor(this::process);
    }

    /** Adds {@link #UNKNOWN_MEMBER} (an object with an array) to every JSON object of the answer. */
    void addUnknownMembers() {
        this.rewrite.set((body) -> rewriteJson(body, ResponseRewriter::addUnknownMember));
    }

    /** Replaces the status of every video job in the answer with {@link #UNKNOWN_STATUS}. */
    void replaceStatuses() {
        this.rewrite.set((body) -> rewriteJson(body, ResponseRewriter::replaceVideoStatus));
    }

    /** Replaces the whole body with {@link #GARBLED_BODY}. */
    void garble() {
        this.rewrite.set((body) -> GARBLED_BODY);
    }

    /** Passes answers through untouched. */
    void disarm() {
        this.rewrite.set(null);
    }

    private Mono<ClientResponse> process(ClientResponse response) {
        UnaryOperator<String> current = this.rewrite.get();
        MediaType type = response.headers().contentType().orElse(null);
        if (current == null || !response.statusCode().is2xxSuccessful() || type == null
            || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            return Mono.just(response);
        }
        return response.bodyToMono(String.class)
            .defaultIfEmpty("")
            .map((body) -> response.mutate()
                .headers((headers) -> headers.remove(HttpHeaders.CONTENT_LENGTH))
                .body(current.apply(body))
                .build());
    }

    private static String rewriteJson(String body, Consumer<ObjectNode> change) {
        JsonNode root = JSON.readTree(body);
        visitObjects(root, change);
        return JSON.writeValueAsString(root);
    }

    private static void visitObjects(JsonNode node, Consumer<ObjectNode> change) {
        // children first, so that members added by the change are not visited themselves
        for (JsonNode child : node) {
            visitObjects(child, change);
        }
        if (node instanceof ObjectNode object) {
            change.accept(object);
        }
    }

    private static void addUnknownMember(ObjectNode object) {
        ObjectNode unknown = object.putObject(UNKNOWN_MEMBER);
        unknown.put("since", "2027-01-01");
        unknown.putArray("nested").add(1).add("two").addNull();
    }

    private static void replaceVideoStatus(ObjectNode object) {
        JsonNode kind = object.get("object");
        if (object.has("status") && kind != null && kind.isValueNode() && "video".equals(kind.asString())) {
            object.put("status", UNKNOWN_STATUS);
        }
    }
}
