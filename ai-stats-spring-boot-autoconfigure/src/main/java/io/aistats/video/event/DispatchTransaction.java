package io.aistats.video.event;

import io.aistats.video.event.VideoJobEventDispatcher.Result;

import java.util.function.Supplier;

/**
 * Runs the hand-off of one event (claim its id, publish it to the listeners, complete the claim) as one transaction,
 * so that what synchronous listeners write to the application's database commits or rolls back together with the
 * event's claim. Used by the {@link VideoJobEventDispatcher} with a {@link ProcessedEventStore} on the same database.
 *
 * @see SpringDispatchTransaction
 */
@FunctionalInterface
public interface DispatchTransaction {

    /**
     * Runs a hand-off in a transaction: commits when it answers {@link Result#PUBLISHED}, rolls back otherwise (a
     * failed listener's work and the claim with it).
     * @param handOff claims, publishes and completes; runs on the calling thread
     * @return what the hand-off answered
     * @throws RuntimeException when the transaction could not begin or commit
     */
    Result execute(Supplier<Result> handOff);
}
