package io.aistats.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Issues and verifies signed download links (§3.5): {@code download_token} is the unpadded base64url of the compact
 * JSON {@code {"workspace_id","video_id","index","disposition"}} and {@code download_sig} the lower-case hex
 * HMAC-SHA256 of {@code token + "." + expires_at}, keyed with the download-signing secret.
 */
final class DownloadLinks {

    /** Default time to live of links embedded in job objects and issued without {@code ttl_seconds}. */
    static final long DEFAULT_TTL_SECONDS = 900;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte @Nullable [] secret;

    /**
     * @param secret the signing secret; {@code null} when signing is not configured
     */
    DownloadLinks(@Nullable String secret) {
        this.secret = secret != null ? secret.getBytes(StandardCharsets.UTF_8) : null;
    }

    /** @return whether links can be signed */
    boolean configured() {
        return this.secret != null;
    }

    /**
     * Builds a signed link.
     * @param origin the origin the URL starts with
     * @param workspaceId owning workspace
     * @param videoId video id
     * @param index output index
     * @param disposition {@code attachment} or {@code inline}
     * @param expiresAt unix seconds
     * @return the absolute URL
     */
    String url(URI origin, String workspaceId, String videoId, int index, String disposition, long expiresAt) {
        String token = token(workspaceId, videoId, index, disposition);
        StringBuilder url = new StringBuilder(GatewayUrls.content(origin, videoId)).append('?');
        if (index > 0) {
            url.append("index=").append(index).append('&');
        }
        return url.append("download_token=").append(token)
                .append("&download_sig=").append(signature(token, expiresAt))
                .append("&expires_at=").append(expiresAt)
                .toString();
    }

    /**
     * @return the unpadded base64url token of the compact JSON with keys in the gateway's order
     */
    static String token(String workspaceId, String videoId, int index, String disposition) {
        var node = JSON.createObjectNode();
        node.put("workspace_id", workspaceId);
        node.put("video_id", videoId);
        node.put("index", index);
        node.put("disposition", disposition);
        byte[] json = JSON.writeValueAsBytes(node);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /**
     * @return the lower-case hex HMAC-SHA256 over {@code token + "." + expiresAt}
     * @throws IllegalStateException when signing is not configured
     */
    String signature(String token, long expiresAt) {
        if (this.secret == null) {
            throw new IllegalStateException("download signing is not configured");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((token + "." + expiresAt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    /**
     * Verifies the signed query of a content request.
     * @param token {@code download_token}
     * @param signature {@code download_sig}
     * @param expiresAt {@code expires_at} as sent
     * @param nowSeconds current unix seconds
     * @return the token's claims when the signature is valid and {@code now <= expires_at}; otherwise {@code null}
     * (the caller then falls back to Bearer authentication)
     */
    @Nullable Claims verify(String token, String signature, String expiresAt, long nowSeconds) {
        if (this.secret == null || !expiresAt.matches("\\d{1,18}")) {
            return null;
        }
        long expiry = Long.parseLong(expiresAt);
        byte[] expected = signature(token, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII)) || nowSeconds > expiry) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token));
            String workspace = claims.path("workspace_id").asString(null);
            String video = claims.path("video_id").asString(null);
            if (workspace == null || video == null) {
                return null;
            }
            return new Claims(workspace, video, claims.path("index").asInt(0),
                    claims.path("disposition").asString("attachment"));
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /**
     * The contents of a valid download token.
     * @param workspaceId owning workspace
     * @param videoId video id
     * @param index output index
     * @param disposition {@code attachment} or {@code inline}
     */
    record Claims(String workspaceId, String videoId, int index, String disposition) {
    }
}
