package io.aistats.autoconfigure.aot;

import io.aistats.video.event.EventSource;
import io.aistats.video.event.StatusChange;
import io.aistats.video.event.VideoJobCancelledEvent;
import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobCreatedEvent;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobExpiredEvent;
import io.aistats.video.event.VideoJobFailedEvent;
import io.aistats.video.event.VideoJobPhase;
import io.aistats.video.event.VideoJobProgressEvent;
import io.aistats.video.event.VideoJobStatusChangedEvent;
import io.aistats.video.model.DownloadDisposition;
import io.aistats.video.model.DownloadUrlOptions;
import io.aistats.video.model.ImageReference;
import io.aistats.video.model.InputReference;
import io.aistats.video.model.JobStreamSettings;
import io.aistats.video.model.LifecycleStatus;
import io.aistats.video.model.ListOrder;
import io.aistats.video.model.OpenEnum;
import io.aistats.video.model.OutputAccess;
import io.aistats.video.model.ProviderRouting;
import io.aistats.video.model.SignedDownloadUrl;
import io.aistats.video.model.VideoAsset;
import io.aistats.video.model.VideoBilling;
import io.aistats.video.model.VideoDeleted;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobError;
import io.aistats.video.model.VideoJobStream;
import io.aistats.video.model.VideoJobUpdate;
import io.aistats.video.model.VideoListParams;
import io.aistats.video.model.VideoModel;
import io.aistats.video.model.VideoModelList;
import io.aistats.video.model.VideoModelProvider;
import io.aistats.video.model.VideoOutput;
import io.aistats.video.model.VideoPage;
import io.aistats.video.model.VideoStatus;
import io.aistats.video.model.VideoUsage;
import io.aistats.video.model.VideoWebhookState;
import io.aistats.video.model.WebSocketUrlOptions;
import io.aistats.video.webhook.endpoint.WebhookEndpoint;
import io.aistats.video.webhook.endpoint.WebhookEndpointCreateRequest;
import io.aistats.video.webhook.endpoint.WebhookEndpointDeleted;
import io.aistats.video.webhook.endpoint.WebhookEndpointList;
import io.aistats.video.webhook.endpoint.WebhookEndpointListParams;
import io.aistats.video.webhook.endpoint.WebhookEndpointStatus;
import io.aistats.video.webhook.endpoint.WebhookEndpointUpdate;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import java.util.List;

/**
 * Runtime hints for a native image: reflective access (constructors, fields, methods) to every type Jackson reads or
 * writes for the client: the request and response models, the stream's updates and settings, the webhook endpoint
 * management types, the lifecycle events (which applications commonly serialise, to a browser or a queue) and the
 * types they hold. Registered through {@code META-INF/spring/aot.factories}
 * so that the hints apply whichever auto-configurations are active.
 * <p>
 * The types are listed by hand because a native image cannot scan packages at run time; a test fails when a public type
 * of the model package is missing here.
 */
public class AiStatsRuntimeHints implements RuntimeHintsRegistrar {

    private static final List<Class<?>> MODEL_TYPES = List.of(DownloadDisposition.class, DownloadUrlOptions.class,
            ImageReference.class, InputReference.class, InputReference.Type.class,
            InputReference.Role.class, LifecycleStatus.class, ListOrder.class, OpenEnum.class, OutputAccess.class,
            ProviderRouting.class, ProviderRouting.Builder.class, SignedDownloadUrl.class, VideoAsset.class, VideoBilling.class, VideoDeleted.class,
            VideoGenerationRequest.class, VideoGenerationRequest.Webhook.class, VideoGenerationRequest.Builder.class,
            VideoJob.class, VideoJobError.class, VideoJobUpdate.class, VideoJobUpdate.Type.class, VideoJobStream.class,
            JobStreamSettings.class, VideoListParams.class,
            VideoModel.class, VideoModelList.class, VideoModelProvider.class, VideoOutput.class, VideoPage.class,
            VideoStatus.class, VideoUsage.class, VideoWebhookState.class,
            VideoWebhookState.Delivery.class, VideoWebhookState.Attempt.class, WebSocketUrlOptions.class);

    private static final List<Class<?>> EVENT_TYPES = List.of(VideoJobEvent.class, VideoJobCreatedEvent.class,
            VideoJobProgressEvent.class, VideoJobStatusChangedEvent.class, VideoJobCompletedEvent.class,
            VideoJobFailedEvent.class, VideoJobCancelledEvent.class, VideoJobExpiredEvent.class, StatusChange.class,
            VideoJobPhase.class, EventSource.class);

    private static final List<Class<?>> WEBHOOK_ENDPOINT_TYPES = List.of(WebhookEndpoint.class,
            WebhookEndpointStatus.class, WebhookEndpointList.class, WebhookEndpointListParams.class,
            WebhookEndpointDeleted.class, WebhookEndpointCreateRequest.class, WebhookEndpointUpdate.class);

    private static final MemberCategory[] JSON_BINDING = { MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
            MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS,
            MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.ACCESS_PUBLIC_FIELDS,
            MemberCategory.ACCESS_DECLARED_FIELDS };

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        ReflectionHints reflection = hints.reflection();
        BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
        for (List<Class<?>> types : List.of(MODEL_TYPES, EVENT_TYPES, WEBHOOK_ENDPOINT_TYPES)) {
            // Spring's binding registrar follows the types' properties and Jackson annotations (creators, nested
            // types); the explicit categories cover members Jackson reaches through annotations on fields
            binding.registerReflectionHints(reflection, types.toArray(new Class<?>[0]));
            types.forEach((type) -> reflection.registerType(type, JSON_BINDING));
        }
        // the JDBC stores' schema scripts, read by AiStatsJdbcSchemaInitializer
        hints.resources().registerPattern("io/aistats/video/jdbc/schema-*.sql");
    }
}
