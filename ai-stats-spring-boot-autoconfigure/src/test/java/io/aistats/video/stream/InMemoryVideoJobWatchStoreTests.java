package io.aistats.video.stream;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryVideoJobWatchStore}: one instance holds every record, nothing is leased or taken over.
 */
class InMemoryVideoJobWatchStoreTests {

    private final InMemoryVideoJobWatchStore store = new InMemoryVideoJobWatchStore();

    @Test
    void claimRecordsANewJobAndKeepsTheProgressOfARecordedOne() {
        WatchedJob recorded = new WatchedJob("G-1", "in_progress", true, 40);

        assertThat(this.store.claim(WatchedJob.newWatch("G-1", null))).contains(new WatchedJob("G-1", null, false, 0));
        this.store.update(recorded);

        assertThat(this.store.claim(WatchedJob.newWatch("G-1", null))).contains(recorded);
        assertThat(this.store.renew()).containsExactly("G-1");
    }

    @Test
    void removedAndReleasedJobsAreForgotten() {
        this.store.claim(WatchedJob.newWatch("G-1", null));
        this.store.claim(WatchedJob.newWatch("G-2", null));
        this.store.claim(WatchedJob.newWatch("G-3", null));

        this.store.remove("G-1");
        this.store.release(List.of("G-2"));
        this.store.update(new WatchedJob("G-1", "completed", true, 0));

        assertThat(this.store.renew()).containsExactly("G-3");
    }

    @Test
    void neverTakesOverAndNeedsNoRenewal() {
        this.store.claim(WatchedJob.newWatch("G-1", null));

        assertThat(this.store.takeOver(10)).isEmpty();
        assertThat(this.store.renewInterval()).isEmpty();
    }
}
