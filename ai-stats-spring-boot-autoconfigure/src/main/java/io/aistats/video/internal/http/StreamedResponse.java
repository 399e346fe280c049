package io.aistats.video.internal.http;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;

/**
 * A successful response whose body is still on the wire. The body must be consumed or cancelled.
 * @param statusCode the HTTP status
 * @param headers the response headers
 * @param body the body buffers; each must be released by whoever consumes them
 */
public record StreamedResponse(int statusCode, HttpHeaders headers, Flux<DataBuffer> body) {
}
