package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What a job costs ({@code billing}). Amounts are exact decimals in USD; {@code *Nanos} are nano-USD (10^9 per USD).
 * @param currency always {@code usd}
 * @param estimatedProviderCost estimate, two decimals
 * @param estimatedUserCost estimate, two decimals (same as the provider estimate)
 * @param settledProviderCost settled amount once completed, {@code 0.00} for failed, cancelled or expired jobs,
 * {@code null} while not terminal
 * @param settledUserCost as {@code settledProviderCost}
 * @param state {@code estimated}, {@code pending}, {@code settled} or {@code void} (open vocabulary)
 * @param billable whether the job is or will be charged
 * @param totalNanos settled cost
 * @param estimatedNanos estimated cost (or the reserved amount)
 * @param reservedNanos amount held at create time
 * @param reservationId id of the balance reservation
 * @param reservationStatus for example {@code held}, {@code captured}, {@code released}
 * @param chargeReason why the job was (not) charged
 * @param charged whether the job was charged
 * @param billedAt when the job was billed; present only once billed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoBilling(@JsonProperty("currency") @Nullable String currency,
        @JsonProperty("estimated_provider_cost") @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal estimatedProviderCost,
        @JsonProperty("estimated_user_cost") @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal estimatedUserCost,
        @JsonProperty("settled_provider_cost") @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal settledProviderCost,
        @JsonProperty("settled_user_cost") @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal settledUserCost,
        @JsonProperty("state") @Nullable String state,
        @JsonProperty("billable") @Nullable Boolean billable,
        @JsonProperty("total_nanos") @Nullable Long totalNanos,
        @JsonProperty("estimated_nanos") @Nullable Long estimatedNanos,
        @JsonProperty("reserved_nanos") @Nullable Long reservedNanos,
        @JsonProperty("reservation_id") @Nullable String reservationId,
        @JsonProperty("reservation_status") @Nullable String reservationStatus,
        @JsonProperty("charge_reason") @Nullable String chargeReason,
        @JsonProperty("charged") @Nullable Boolean charged,
        @JsonProperty("billed_at") @Nullable Instant billedAt) {

    /**
     * Reads billing from its decoded JSON members; unknown members are ignored, mistyped ones become {@code null}.
     * Money strings are parsed as decimals, never as binary floating point.
     * @param members the JSON object
     * @return the billing
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoBilling fromJson(Map<String, ?> members) {
        return new VideoBilling(Wire.string(members.get("currency")),
                Wire.decimal(members.get("estimated_provider_cost")), Wire.decimal(members.get("estimated_user_cost")),
                Wire.decimal(members.get("settled_provider_cost")), Wire.decimal(members.get("settled_user_cost")),
                Wire.string(members.get("state")), Wire.bool(members.get("billable")),
                Wire.longValue(members.get("total_nanos")), Wire.longValue(members.get("estimated_nanos")),
                Wire.longValue(members.get("reserved_nanos")), Wire.string(members.get("reservation_id")),
                Wire.string(members.get("reservation_status")), Wire.string(members.get("charge_reason")),
                Wire.bool(members.get("charged")), Wire.instant(members.get("billed_at")));
    }
}
