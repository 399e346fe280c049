package io.aistats.autoconfigure.aot;

import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobFailedEvent;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoModelList;
import io.aistats.video.model.VideoPage;
import io.aistats.video.model.VideoStatus;
import io.aistats.video.model.VideoWebhookState;
import io.aistats.video.webhook.endpoint.WebhookEndpoint;
import io.aistats.video.webhook.endpoint.WebhookEndpointCreateRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AiStatsRuntimeHintsTests {

    private static final MemberCategory[] JSON_BINDING = { MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
            MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS,
            MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.ACCESS_PUBLIC_FIELDS,
            MemberCategory.ACCESS_DECLARED_FIELDS };

    private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

    private final RuntimeHints hints = new RuntimeHints();

    @BeforeEach
    void registerHints() {
        new AiStatsRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
    }

    @Test
    void keyTypesAreOpenToJsonBinding() {
        for (Class<?> type : List.of(VideoJob.class, VideoStatus.class, VideoGenerationRequest.class, VideoPage.class,
                VideoModelList.class, VideoWebhookState.Delivery.class, VideoJobEvent.class,
                VideoJobCompletedEvent.class, VideoJobFailedEvent.class)) {
            assertThat(this.reflection.onType(type).withMemberCategories(JSON_BINDING)).as(type.getName())
                .accepts(this.hints);
        }
    }

    @Test
    void membersJacksonUsesAreReachable() throws NoSuchMethodException {
        assertThat(this.reflection.onFieldAccess(VideoJob.class, "id")).accepts(this.hints);
        assertThat(this.reflection.onMethodInvocation(VideoJob.class, "status")).accepts(this.hints);
        assertThat(this.reflection.onMethodInvocation(VideoPage.class, "data")).accepts(this.hints);
        for (var constructor : VideoPage.class.getDeclaredConstructors()) {
            assertThat(this.reflection.onConstructorInvocation(constructor)).as(constructor.toString())
                .accepts(this.hints);
        }
    }

    @Test
    void everyPublicModelTypeIsRegistered() throws IOException {
        List<Class<?>> types = publicTypesIn("io.aistats.video.model");
        assertThat(types).as("public types found by scanning").contains(VideoJob.class, VideoWebhookState.Attempt.class);
        assertThat(types).allSatisfy((type) -> assertThat(this.reflection.onType(type).withMemberCategories(JSON_BINDING))
            .as("%s is missing from AiStatsRuntimeHints", type.getName())
            .accepts(this.hints));
    }

    @Test
    void everyLifecycleEventTypeIsRegistered() throws IOException {
        List<Class<?>> events = publicTypesIn("io.aistats.video.event").stream()
            .filter(VideoJobEvent.class::isAssignableFrom)
            .toList();
        assertThat(events).contains(VideoJobEvent.class, VideoJobCompletedEvent.class);
        assertThat(events).allSatisfy((type) -> assertThat(this.reflection.onType(type).withMemberCategories(JSON_BINDING))
            .as("%s is missing from AiStatsRuntimeHints", type.getName())
            .accepts(this.hints));
    }

    @Test
    void everyWebhookEndpointManagementTypeIsRegistered() throws IOException {
        List<Class<?>> endpointTypes = publicTypesIn("io.aistats.video.webhook.endpoint").stream()
            // the management types, nested ones included; the clients are services, not bound by Jackson
            .filter((type) -> type.getName().contains(".WebhookEndpoint") && !type.getSimpleName().endsWith("Client"))
            .toList();
        assertThat(endpointTypes).contains(WebhookEndpoint.class, WebhookEndpointCreateRequest.class);
        assertThat(endpointTypes).allSatisfy((type) -> assertThat(this.reflection.onType(type).withMemberCategories(JSON_BINDING))
            .as("%s is missing from AiStatsRuntimeHints", type.getName())
            .accepts(this.hints));
    }

    @Test
    void registrarIsListedInAotFactories() {
        List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
            .load(RuntimeHintsRegistrar.class);
        assertThat(registrars).hasAtLeastOneElementOfType(AiStatsRuntimeHints.class);
    }

    /** Public top-level and nested types of a package and its sub-packages, found on the class path. */
    private static List<Class<?>> publicTypesIn(String packageName) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        MetadataReaderFactory readers = new SimpleMetadataReaderFactory(resolver);
        List<Class<?>> types = new ArrayList<>();
        String pattern = "classpath*:" + ClassUtils.convertClassNameToResourcePath(packageName) + "/**/*.class";
        for (Resource resource : resolver.getResources(pattern)) {
            String className = readers.getMetadataReader(resource).getClassMetadata().getClassName();
            // test classes share the packages; only the library's own types count
            if (className.endsWith("package-info") || resource.getURL().toString().contains("/test-classes/")) {
                continue;
            }
            Class<?> type = ClassUtils.resolveClassName(className, AiStatsRuntimeHintsTests.class.getClassLoader());
            if (isPubliclyVisible(type) && !type.isAnonymousClass() && !type.isSynthetic()) {
                types.add(type);
            }
        }
        return types;
    }

    private static boolean isPubliclyVisible(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getEnclosingClass()) {
            if (!Modifier.isPublic(current.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
