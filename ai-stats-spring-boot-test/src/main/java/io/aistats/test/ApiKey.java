package io.aistats.test;

import org.jspecify.annotations.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed gateway credential of the form {@code {prefix}_v1_{sk|mk}_{kid}_{secret}} (§1.2).
 *
 * @param prefix {@code phaseo} or the legacy {@code aistats}
 * @param kind {@code sk} (inference) or {@code mk} (management)
 * @param kid key id, 6 ... 64 ASCII letters or digits
 * @param secret secret part (may contain underscores)
 */
record ApiKey(String prefix, String kind, String kid, String secret) {

    private static final Pattern FORMAT =
            Pattern.compile("(phaseo|aistats)_v1_(sk|mk)_([A-Za-z0-9]{6,64})_(.+)", Pattern.DOTALL);

    /**
     * @param token a bearer token
     * @return the key, or {@code null} when the token is not of the key format
     */
    static @Nullable ApiKey parse(String token) {
        Matcher matcher = FORMAT.matcher(token);
        if (!matcher.matches()) {
            return null;
        }
        return new ApiKey(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4));
    }

    /** @return whether this is an inference key */
    boolean isInference() {
        return "sk".equals(this.kind);
    }

    /** @return whether this is a management key */
    boolean isManagement() {
        return "mk".equals(this.kind);
    }

    /** @return whether the legacy {@code aistats_} prefix is used */
    boolean isLegacy() {
        return "aistats".equals(this.prefix);
    }

    /** @return the key without its secret, safe to print */
    String masked() {
        return this.prefix + "_v1_" + this.kind + "_" + this.kid + "_***";
    }

    @Override
    public String toString() {
        return masked();
    }
}
