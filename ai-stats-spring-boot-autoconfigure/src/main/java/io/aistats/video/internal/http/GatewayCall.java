package io.aistats.video.internal.http;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

import java.net.URI;

/**
 * One call to the gateway: what to send and whether it is safe to send again.
 * @param method the HTTP method
 * @param uri the absolute URL, already encoded
 * @param body the JSON body, or {@code null} for none
 * @param retryable whether a transient failure may be retried; only for calls that cannot create or bill anything
 * @param operation a short label for messages and logs, for example {@code GET /videos/{id}}; never holds a secret
 * @param uriTemplate the path below the base URL with its variables unexpanded, for example {@code /videos/{id}},
 * recorded by the HTTP client observation instead of the URL (which holds ids); {@code null} when not known
 */
public record GatewayCall(HttpMethod method, URI uri, @Nullable Object body, boolean retryable, String operation,
        @Nullable String uriTemplate) {

    /**
     * A call without a URI template.
     * @param method the HTTP method
     * @param uri the absolute URL, already encoded
     * @param body the JSON body, or {@code null} for none
     * @param retryable whether a transient failure may be retried
     * @param operation a short label for messages and logs
     */
    public GatewayCall(HttpMethod method, URI uri, @Nullable Object body, boolean retryable, String operation) {
        this(method, uri, body, retryable, operation, null);
    }

    /**
     * Names the route of this call for observations, so that they are tagged with it rather than with a URL that
     * holds ids.
     * @param template the path below the base URL with its variables unexpanded, for example
     * {@code /videos/{id}/content}
     * @return a copy of this call with the template
     */
    public GatewayCall withUriTemplate(String template) {
        return new GatewayCall(this.method, this.uri, this.body, this.retryable, this.operation, template);
    }

    /**
     * A GET, retried on transient failures.
     * @param uri the URL
     * @param operation the label
     * @return the call
     */
    public static GatewayCall get(URI uri, String operation) {
        return new GatewayCall(HttpMethod.GET, uri, null, true, operation);
    }

    /**
     * A DELETE, retried on transient failures (deleting twice answers the same).
     * @param uri the URL
     * @param operation the label
     * @return the call
     */
    public static GatewayCall delete(URI uri, String operation) {
        return new GatewayCall(HttpMethod.DELETE, uri, null, true, operation);
    }

    /**
     * A POST that is safe to repeat (it creates nothing billable), such as issuing a download link.
     * @param uri the URL
     * @param body the JSON body, or {@code null}
     * @param operation the label
     * @return the call
     */
    public static GatewayCall safePost(URI uri, @Nullable Object body, String operation) {
        return new GatewayCall(HttpMethod.POST, uri, body, true, operation);
    }

    /**
     * A POST that is sent at most once, whatever happens: a repeated create could start and bill a second job.
     * @param uri the URL
     * @param body the JSON body, or {@code null}
     * @param operation the label
     * @return the call
     */
    public static GatewayCall onceOnlyPost(URI uri, @Nullable Object body, String operation) {
        return new GatewayCall(HttpMethod.POST, uri, body, false, operation);
    }
}
