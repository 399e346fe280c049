package io.aistats.sample;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses state-changing requests to the page's API ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under
 * {@code /api/}) that are not same-origin JSON, with 403: each one spends or changes something with the operator's
 * key, and the API has no login. A cross-site page can make a browser send a form or a {@code text/plain} request
 * without asking, but not {@code application/json} (that takes a CORS preflight, which this application never
 * grants); and a browser tells where a request comes from with {@code Origin} and {@code Sec-Fetch-Site}, which must
 * then name this application. Clients other than browsers send neither and only need the JSON content type.
 */
@Component
class SameOriginJsonFilter extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !STATE_CHANGING.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"title\":\"Forbidden\",\"status\":403,\"kind\":\"cross_site_request\","
                + "\"detail\":\"" + refusal + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Why the request is refused, or {@code null} when it may pass. */
    private static @Nullable String refusal(HttpServletRequest request) {
        if (!isJson(request.getContentType())) {
            return "State-changing requests must be sent as application/json";
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin")) {
            return "State-changing requests must come from this application's own page";
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !origin.equalsIgnoreCase(request.getScheme() + "://" + request.getHeader("Host"))) {
            return "State-changing requests must come from this application's own origin";
        }
        return null;
    }

    private static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))
                    && !contentType.toLowerCase(Locale.ROOT).contains("*");
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
