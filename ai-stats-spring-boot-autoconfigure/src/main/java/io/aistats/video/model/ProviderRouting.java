package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.aistats.video.error.VideoRequestValidationException;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Provider routing hints of a create request (its {@code provider} member): which providers to try, in which order,
 * and what they must offer. The common members have typed setters, and every documented member (those of the
 * gateway's {@code ProviderRoutingOptions}) is checked for its JSON type, so a value the gateway would reject (an
 * {@code order} that is a string, a {@code sort} that is a number) is refused before anything is sent. Members the
 * client does not know pass through {@link Builder#extra(String, Object)} unchecked, as the gateway keeps them.
 * Serialises to the wire object, snake_case, unset members omitted.
 * <pre class="code">
 * ProviderRouting.builder().order("google-vertex", "google-ai-studio").allowFallbacks(false).sort("price").build();
 * </pre>
 * @param members every member as sent, by wire name, in the order set (unmodifiable); a documented member may be
 * given in camelCase and is stored in snake_case
 */
public record ProviderRouting(@JsonValue Map<String, Object> members) {

    /**
     * Checks the documented members' types and freezes the members.
     * @throws VideoRequestValidationException naming {@code provider.<member>} when a documented member has the wrong
     * type or any member is {@code null} (the gateway refuses {@code null} members)
     */
    public ProviderRouting {
        Map<String, Object> checked = new LinkedHashMap<>();
        members.forEach((name, value) -> {
            Member member = Member.named(Objects.requireNonNull(name, "name"));
            if (member != null) {
                checked.put(member.wireName, member.check(value));
            }
            else if (value == null) {
                throw new VideoRequestValidationException("provider." + name, "must not be null");
            }
            else {
                checked.put(name, Wire.freeze(value));
            }
        });
        members = Collections.unmodifiableMap(checked);
    }

    /**
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads routing hints given as a map, as the canonical constructor does.
     * @param members the hints, for example {@code Map.of("order", List.of("openai"))}
     * @return the routing hints
     * @throws VideoRequestValidationException naming {@code provider.<member>} when a documented member has the
     * wrong type
     */
    public static ProviderRouting of(Map<String, ?> members) {
        return new ProviderRouting(new LinkedHashMap<>(members));
    }

    /**
     * @return providers to try first, in order (empty when unset)
     */
    public List<String> order() {
        return strings(Member.ORDER);
    }

    /**
     * @return the only providers allowed (empty when unset)
     */
    public List<String> only() {
        return strings(Member.ONLY);
    }

    /**
     * @return providers never to use (empty when unset)
     */
    public List<String> ignore() {
        return strings(Member.IGNORE);
    }

    /**
     * @return whether another provider may be tried after a failure, or {@code null} when unset
     */
    public @Nullable Boolean allowFallbacks() {
        return (Boolean) this.members.get(Member.ALLOW_FALLBACKS.wireName);
    }

    /**
     * @return how providers are ranked: a {@code String} such as {@code price}, or an unmodifiable
     * {@code Map<String, Object>}; {@code null} when unset
     */
    public @Nullable Object sort() {
        return this.members.get(Member.SORT.wireName);
    }

    /**
     * @param wireName the member's name on the wire, for example {@code data_collection}
     * @return a documented or extra member by its wire name, or {@code null} when unset
     */
    public @Nullable Object get(String wireName) {
        return this.members.get(wireName);
    }

    /**
     * @return a builder initialised with these hints
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.members.putAll(this.members);
        return builder;
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(Member member) {
        Object value = this.members.get(member.wireName);
        return (value != null) ? (List<String>) value : List.of();
    }

    /**
     * Builds {@link ProviderRouting}. Each setter checks its value; {@link #build()} checks the extras.
     */
    public static final class Builder {

        private final Map<String, @Nullable Object> members = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param providers provider ids to try first, in order
         * @return this builder
         */
        public Builder order(String... providers) {
            return set(Member.ORDER, Arrays.asList(providers));
        }

        /**
         * @param providers the only provider ids allowed
         * @return this builder
         */
        public Builder only(String... providers) {
            return set(Member.ONLY, Arrays.asList(providers));
        }

        /**
         * @param providers provider ids never to use
         * @return this builder
         */
        public Builder ignore(String... providers) {
            return set(Member.IGNORE, Arrays.asList(providers));
        }

        /**
         * @param allowFallbacks whether another eligible provider may be tried after a failure
         * @return this builder
         */
        public Builder allowFallbacks(boolean allowFallbacks) {
            return set(Member.ALLOW_FALLBACKS, allowFallbacks);
        }

        /**
         * @param requireParameters whether only providers supporting every requested parameter may be used
         * @return this builder
         */
        public Builder requireParameters(boolean requireParameters) {
            return set(Member.REQUIRE_PARAMETERS, requireParameters);
        }

        /**
         * @param includeAlpha whether providers in alpha may be used
         * @return this builder
         */
        public Builder includeAlpha(boolean includeAlpha) {
            return set(Member.INCLUDE_ALPHA, includeAlpha);
        }

        /**
         * @param zdr whether only providers with zero data retention may be used
         * @return this builder
         */
        public Builder zdr(boolean zdr) {
            return set(Member.ZDR, zdr);
        }

        /**
         * @param allow {@code true} for {@code data_collection: "allow"}, {@code false} for {@code "deny"}
         * @return this builder
         */
        public Builder dataCollection(boolean allow) {
            return set(Member.DATA_COLLECTION, allow ? "allow" : "deny");
        }

        /**
         * @param sort how to rank providers, for example {@code price}, {@code latency} or {@code throughput}
         * @return this builder
         */
        public Builder sort(String sort) {
            return set(Member.SORT, sort);
        }

        /**
         * @param sort how to rank providers, as an object (for example {@code {"by": "price"}})
         * @return this builder
         */
        public Builder sort(Map<String, ?> sort) {
            return set(Member.SORT, sort);
        }

        /**
         * @param maxPrice highest prices accepted, by unit ({@code prompt}, {@code request}, ...), each a number or
         * a numeric string
         * @return this builder
         */
        public Builder maxPrice(Map<String, ?> maxPrice) {
            return set(Member.MAX_PRICE, maxPrice);
        }

        /**
         * Sets a member by its wire name, for members this type has no setter for (including ones the gateway adds
         * later). A documented member (snake_case or camelCase name) is checked for its JSON type and sent in
         * snake_case; any other is sent as given.
         * @param name the member's wire name
         * @param value a JSON-compatible value (string, number, boolean, map or list)
         * @return this builder
         * @throws VideoRequestValidationException when a documented member has the wrong type
         */
        public Builder extra(String name, @Nullable Object value) {
            Member member = Member.named(Objects.requireNonNull(name, "name"));
            if (member != null) {
                return set(member, value);
            }
            this.members.put(name, value);
            return this;
        }

        private Builder set(Member member, @Nullable Object value) {
            this.members.put(member.wireName, member.check(value));
            return this;
        }

        /**
         * @return the routing hints
         * @throws VideoRequestValidationException when an extra member is {@code null} (the gateway refuses
         * {@code null} members)
         */
        public ProviderRouting build() {
            return new ProviderRouting(this.members);
        }
    }

    /** The documented members and the JSON type the gateway requires of each. */
    private enum Member {

        ORDER("order", "a list of strings", Member::isStringList),
        ONLY("only", "a list of strings", Member::isStringList),
        IGNORE("ignore", "a list of strings", Member::isStringList),
        QUANTIZATIONS("quantizations", "a list of strings", Member::isStringList),
        ALLOW_FALLBACKS("allow_fallbacks", "a boolean", Boolean.class::isInstance),
        REQUIRE_PARAMETERS("require_parameters", "a boolean", Boolean.class::isInstance),
        INCLUDE_ALPHA("include_alpha", "a boolean", Boolean.class::isInstance),
        REQUIRE_ZERO_DATA_RETENTION("require_zero_data_retention", "a boolean", Boolean.class::isInstance),
        ZDR("zdr", "a boolean", Boolean.class::isInstance),
        ENFORCE_DISTILLABLE_TEXT("enforce_distillable_text", "a boolean", Boolean.class::isInstance),
        REQUIRED_EXECUTION_REGION("required_execution_region", "a string", String.class::isInstance),
        REQUIRED_DATA_REGION("required_data_region", "a string", String.class::isInstance),
        DATA_COLLECTION("data_collection", "'allow' or 'deny'",
                (value) -> "allow".equals(value) || "deny".equals(value)),
        SORT("sort", "a string or an object", (value) -> value instanceof String || value instanceof Map),
        MAX_PRICE("max_price", "an object of numbers or numeric strings",
                (value) -> value instanceof Map<?, ?> map && map.values().stream()
                    .allMatch((price) -> price instanceof Number || price instanceof String)),
        PREFERRED_MIN_THROUGHPUT("preferred_min_throughput", "a number or an object of numbers",
                Member::isNumberOrNumbers),
        PREFERRED_MAX_LATENCY("preferred_max_latency", "a number or an object of numbers", Member::isNumberOrNumbers);

        private final String wireName;

        private final String camelName;

        private final String expected;

        private final Predicate<Object> type;

        Member(String wireName, String expected, Predicate<Object> type) {
            this.wireName = wireName;
            this.camelName = camelCase(wireName);
            this.expected = expected;
            this.type = type;
        }

        /** The value, frozen, when it has the JSON type the gateway requires of this member. */
        Object check(@Nullable Object value) {
            if (value == null || !this.type.test(value)) {
                throw new VideoRequestValidationException("provider." + this.wireName,
                        "must be " + this.expected + " but was " + describe(value));
            }
            return Objects.requireNonNull(Wire.freeze(value));
        }

        private static String describe(@Nullable Object value) {
            if (value == null) {
                return "null";
            }
            return (value instanceof String text) ? "'" + text + "'" : value.getClass().getSimpleName() + " " + value;
        }

        static @Nullable Member named(String name) {
            for (Member member : values()) {
                if (member.wireName.equals(name) || member.camelName.equals(name)) {
                    return member;
                }
            }
            return null;
        }

        private static boolean isStringList(Object value) {
            return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
        }

        private static boolean isNumberOrNumbers(Object value) {
            return value instanceof Number || (value instanceof Map<?, ?> map
                    && map.values().stream().allMatch(Number.class::isInstance));
        }

        private static String camelCase(String snake) {
            StringBuilder camel = new StringBuilder(snake.length());
            boolean upper = false;
            for (char ch : snake.toCharArray()) {
                if (ch == '_') {
                    upper = true;
                }
                else {
                    camel.append(upper ? Character.toUpperCase(ch) : ch);
                    upper = false;
                }
            }
            return camel.toString();
        }
    }
}
