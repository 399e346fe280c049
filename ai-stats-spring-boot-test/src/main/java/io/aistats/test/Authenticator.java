package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the {@code Authorization: Bearer <key>} header against the simulator's keys (§1.1, §1.2) and produces the
 * gateway's 401 reasons.
 */
final class Authenticator {

    /** Legacy {@code aistats_v1_sk_} keys are refused from this instant on. */
    static final Instant LEGACY_PREFIX_RETIREMENT = Instant.parse("2027-01-01T00:00:00Z");

    private final Map<String, Registered> inferenceKeys = new LinkedHashMap<>();

    private final Map<String, Registered> managementKeys = new LinkedHashMap<>();

    /**
     * Registers a valid key.
     * @param token the full key
     * @param workspaceId the workspace it belongs to
     * @throws IllegalArgumentException when the token is not of the gateway's key format
     */
    void register(String token, String workspaceId) {
        ApiKey key = ApiKey.parse(token);
        if (key == null) {
            throw new IllegalArgumentException("Not a gateway key (expected phaseo_v1_sk_<kid>_<secret> or "
                    + "phaseo_v1_mk_<kid>_<secret>, kid 6-64 letters or digits)");
        }
        (key.isInference() ? this.inferenceKeys : this.managementKeys).put(key.kid(),
                new Registered(key, workspaceId));
    }

    /**
     * Authenticates a video or WebSocket route: inference keys only.
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param now the simulator time (for the legacy-prefix retirement)
     * @return the principal, or the 401 reason
     */
    Result authenticateInference(@Nullable String authorization, Instant now) {
        String token = bearerToken(authorization);
        if (token == null) {
            return Result.failure("missing_or_invalid_authorization_header");
        }
        ApiKey key = ApiKey.parse(token);
        if (key == null || (key.isLegacy() && key.isManagement())) {
            return Result.failure("invalid_key_format");
        }
        if (key.isManagement()) {
            return Result.failure("management_key_not_valid_for_gateway");
        }
        if (key.isLegacy() && !now.isBefore(LEGACY_PREFIX_RETIREMENT)) {
            return Result.failure("legacy_key_prefix_retired");
        }
        return lookup(this.inferenceKeys, key);
    }

    /**
     * Authenticates a management route ({@code /v1/webhook-endpoints}): {@code phaseo_v1_mk_} keys only.
     * @param authorization the {@code Authorization} header, or {@code null}
     * @return the principal, or the 401 reason
     */
    Result authenticateManagement(@Nullable String authorization) {
        String token = bearerToken(authorization);
        if (token == null) {
            return Result.failure("missing_or_invalid_authorization_header");
        }
        ApiKey key = ApiKey.parse(token);
        if (key == null) {
            return Result.failure("invalid_key_format");
        }
        if (key.isInference() || key.isLegacy()) {
            return Result.failure("management_key_required");
        }
        return lookup(this.managementKeys, key);
    }

    private static Result lookup(Map<String, Registered> keys, ApiKey key) {
        Registered registered = keys.get(key.kid());
        if (registered == null) {
            return Result.failure("key_not_found_or_revoked");
        }
        if (!registered.key().secret().equals(key.secret())) {
            return Result.failure("invalid_secret");
        }
        return new Result(new Principal(registered.workspaceId(), key), null);
    }

    /**
     * @return the token of a header that starts with exactly {@code "Bearer "} and has a non-blank rest, else
     * {@code null}
     */
    static @Nullable String bearerToken(@Nullable String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /**
     * A registered key and its workspace.
     * @param key the key
     * @param workspaceId its workspace
     */
    record Registered(ApiKey key, String workspaceId) {
    }

    /**
     * Who called.
     * @param workspaceId the caller's workspace
     * @param key the key used
     */
    record Principal(String workspaceId, ApiKey key) {
    }

    /**
     * The outcome of authentication: a principal or a 401 reason.
     * @param principal the caller when authenticated
     * @param failureReason the 401 {@code reason} otherwise
     */
    record Result(@Nullable Principal principal, @Nullable String failureReason) {

        static Result failure(String reason) {
            return new Result(null, reason);
        }
    }
}
