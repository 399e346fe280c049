package io.aistats.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the configuration metadata that the annotation processor generates (merged with
 * {@code additional-spring-configuration-metadata.json}) for every {@code ai-stats.*} property: IDEs show its
 * description and default, so both must be there.
 */
class ConfigurationMetadataTests {

    private static final String PREFIX = "ai-stats";

    /**
     * Properties that legitimately have no default: credentials, and choices the gateway makes when they are not set.
     * A property here must not declare a default; every other property must.
     */
    private static final Set<String> NO_DEFAULT = Set.of(
            "ai-stats.api-key",
            "ai-stats.management-key",
            "ai-stats.default-model",
            "ai-stats.default-output-access",
            "ai-stats.default-webhook-endpoint-id",
            "ai-stats.webhook.secret",
            "ai-stats.video.stream.interval",
            "ai-stats.video.stream.poll-interval",
            "ai-stats.jdbc.platform");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, JsonNode> groups = new LinkedHashMap<>();

    private static final Map<String, JsonNode> properties = new LinkedHashMap<>();

    @BeforeAll
    static void readMetadata() throws IOException {
        List<URL> files = Collections.list(ConfigurationMetadataTests.class.getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json"));
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                JsonNode metadata = JSON.readTree(in);
                metadata.path("groups").values().stream().filter((group) -> isOurs(name(group)))
                    .forEach((group) -> groups.put(name(group), group));
                metadata.path("properties").values().stream().filter((property) -> isOurs(name(property)))
                    .forEach((property) -> properties.put(name(property), property));
            }
        }
        assertThat(properties).as("ai-stats properties in the generated metadata of %s", files).isNotEmpty();
    }

    @Test
    void everyAiStatsPropertiesClassIsInTheMetadata() {
        Map<String, String> prefixes = aiStatsPropertiesClasses();
        assertThat(prefixes).as("@ConfigurationProperties classes under " + PREFIX).isNotEmpty();
        prefixes.forEach((type, prefix) -> {
            JsonNode group = groups.get(prefix);
            assertThat(group).as("metadata group '%s' of %s (was the configuration processor run?)", prefix, type)
                .isNotNull();
            assertThat(group.path("type").asString()).as("type of group '%s'", prefix).isEqualTo(type);
            assertThat(properties.values()).as("properties of %s", type)
                .anyMatch((property) -> isDeclaredBy(property, type));
        });
    }

    @Test
    void everyAiStatsPropertyHasADescription() {
        List<String> undocumented = properties.values().stream()
            .filter((property) -> property.path("description").asString("").isBlank())
            .map(ConfigurationMetadataTests::name)
            .toList();
        assertThat(undocumented).as("properties without a description (document the field with Javadoc)").isEmpty();
    }

    @Test
    void everyAiStatsPropertyWithAnInitialValueDeclaresItsDefault() {
        List<String> problems = new ArrayList<>();
        properties.forEach((name, property) -> {
            boolean hasDefault = property.has("defaultValue");
            InitialValue initial = initialValue(property);
            if (NO_DEFAULT.contains(name)) {
                if (hasDefault || initial.isSet()) {
                    problems.add(name + " is listed as having no default but has one; remove it from NO_DEFAULT");
                }
            }
            else if (hasDefault && initial.isSet() && !initial.matches(property.get("defaultValue"))) {
                problems.add(name + " shows the default '" + property.get("defaultValue").asString()
                        + "' but is initialised to '"
                        + initial.value() + "'");
            }
            else if (!hasDefault && !initial.isEmptyContainer()) {
                problems.add(name + (initial.isSet()
                        ? " is initialised to '" + initial.value() + "' but the metadata shows no default (use a "
                                + "literal or a constant initialiser, or declare it in additional metadata)"
                        : " has no default; initialise the field, or add the property to NO_DEFAULT if unset is "
                                + "meaningful"));
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void additionalMetadataIsMergedIntoTheGeneratedMetadata() throws IOException {
        List<URL> additional = Collections.list(getClass().getClassLoader()
            .getResources("META-INF/additional-spring-configuration-metadata.json"));
        Set<String> missing = new TreeSet<>();
        for (URL file : additional) {
            try (InputStream in = file.openStream()) {
                JSON.readTree(in).path("properties").values().stream().map(ConfigurationMetadataTests::name)
                    .filter(ConfigurationMetadataTests::isOurs).filter((name) -> !properties.containsKey(name))
                    .forEach(missing::add);
            }
        }
        assertThat(missing).as("additional ai-stats properties missing from the generated metadata").isEmpty();
    }

    /** Type name to prefix of every {@code @ConfigurationProperties} class of the project bound under ai-stats. */
    private static Map<String, String> aiStatsPropertiesClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.aistats")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            MergedAnnotation<ConfigurationProperties> annotation = MergedAnnotations.from(type)
                .get(ConfigurationProperties.class);
            String prefix = annotation.getString("prefix").isEmpty() ? annotation.getString("value")
                    : annotation.getString("prefix");
            if (isOurs(prefix) && !type.getName().contains("Tests")) {
                prefixes.put(type.getName(), prefix);
            }
        }
        return prefixes;
    }

    /** The value a fresh instance of the property's source type holds, where it can be read. */
    private static InitialValue initialValue(JsonNode property) {
        String sourceType = property.path("sourceType").asString(null);
        if (sourceType == null) {
            return InitialValue.UNKNOWN;
        }
        String fieldName = camelCase(name(property).substring(name(property).lastIndexOf('.') + 1));
        try {
            Class<?> type = ClassUtils.forName(sourceType, ConfigurationMetadataTests.class.getClassLoader());
            Field field = findField(type, fieldName);
            Constructor<?> constructor = type.getDeclaredConstructor();
            if (field == null) {
                return InitialValue.UNKNOWN;
            }
            constructor.setAccessible(true);
            field.setAccessible(true);
            return new InitialValue(true, field.getType(), field.get(constructor.newInstance()));
        }
        catch (ReflectiveOperationException | LinkageError ex) {
            // constructor binding or a computed property: the metadata alone has to tell
            return InitialValue.UNKNOWN;
        }
    }

    private static @Nullable Field findField(Class<?> type, String name) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            try {
                return current.getDeclaredField(name);
            }
            catch (NoSuchFieldException ex) {
                // look in the superclass
            }
        }
        return null;
    }

    private static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            }
            else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    /** Whether the type or one of its nested property groups declares the property. */
    private static boolean isDeclaredBy(JsonNode property, String type) {
        String sourceType = property.path("sourceType").asString("");
        return sourceType.equals(type) || sourceType.startsWith(type + "$");
    }

    private static boolean isOurs(@Nullable String name) {
        return name != null && (name.equals(PREFIX) || name.startsWith(PREFIX + "."));
    }

    private static String name(JsonNode node) {
        return node.path("name").asString("");
    }

    private record InitialValue(boolean known, Class<?> type, @Nullable Object value) {

        static final InitialValue UNKNOWN = new InitialValue(false, Object.class, null);

        /** Whether the metadata's default, bound as Spring Boot would bind it, equals the initial value. */
        boolean matches(JsonNode defaultValue) {
            if (!defaultValue.isValueNode() || this.value instanceof Collection<?> || this.value instanceof Map<?, ?>) {
                return true;
            }
            try {
                Object bound = ApplicationConversionService.getSharedInstance()
                    .convert(defaultValue.asString(), ClassUtils.resolvePrimitiveIfNecessary(this.type));
                return Objects.equals(bound, this.value);
            }
            catch (ConversionException ex) {
                return false;
            }
        }

        boolean isSet() {
            return this.known && this.value != null && !isEmptyContainer();
        }

        /** Empty collections, maps and arrays: the processor shows no default for them, and none is needed. */
        boolean isEmptyContainer() {
            return (this.value instanceof Collection<?> collection && collection.isEmpty())
                    || (this.value instanceof Map<?, ?> map && map.isEmpty())
                    || (this.value != null && this.value.getClass().isArray() && Array.getLength(this.value) == 0);
        }
    }
}
