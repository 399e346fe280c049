package io.aistats.video.event;

import io.aistats.video.event.VideoJobEventDispatcher.Result;

import org.springframework.transaction.support.TransactionOperations;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link DispatchTransaction} run by Spring's transaction management, for example a {@code TransactionTemplate} on
 * the transaction manager of the {@code DataSource} that holds the {@link JdbcProcessedEventStore}'s table. Needs
 * {@code spring-tx}.
 */
public final class SpringDispatchTransaction implements DispatchTransaction {

    private final TransactionOperations transactions;

    /**
     * @param transactions runs each hand-off in a transaction (propagation {@code REQUIRED} joins one the caller
     * already runs)
     */
    public SpringDispatchTransaction(TransactionOperations transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Result execute(Supplier<Result> handOff) {
        Result result = this.transactions.execute((status) -> {
            Result outcome = handOff.get();
            if (outcome != Result.PUBLISHED) {
                status.setRollbackOnly();
            }
            return outcome;
        });
        return Objects.requireNonNull(result, "result");
    }

    @Override
    public String toString() {
        return "SpringDispatchTransaction[" + this.transactions + "]";
    }
}
