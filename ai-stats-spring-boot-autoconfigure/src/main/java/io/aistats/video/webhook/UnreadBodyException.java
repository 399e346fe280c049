package io.aistats.video.webhook;

/**
 * Why a web adapter stopped reading a delivery body before it was complete: too large, over the in-flight byte
 * budget, or not complete in time. Carries no stack trace; it is a verdict, not a bug.
 */
final class UnreadBodyException extends RuntimeException {

    private final WebhookOutcome outcome;

    private UnreadBodyException(WebhookOutcome outcome, String detail) {
        super(detail, null, false, false);
        this.outcome = outcome;
    }

    static UnreadBodyException tooLarge(String detail) {
        return new UnreadBodyException(WebhookOutcome.TOO_LARGE, detail);
    }

    static UnreadBodyException overBudget(String detail) {
        return new UnreadBodyException(WebhookOutcome.OVERLOADED, detail);
    }

    static UnreadBodyException incomplete(String detail) {
        return new UnreadBodyException(WebhookOutcome.INCOMPLETE_BODY, detail);
    }

    /**
     * Records the refusal with the processor (log and observation) and returns what to answer.
     * @param processor the endpoint's processor
     * @return the answer
     */
    WebhookOutcome answer(WebhookProcessor processor) {
        return switch (this.outcome) {
            case TOO_LARGE -> processor.tooLarge(getMessage());
            case OVERLOADED -> processor.overloaded(getMessage());
            default -> processor.incompleteBody(getMessage());
        };
    }
}
