package io.aistats.sample;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the gateway's job list does not tell: the prompts of the jobs created here (list items carry none), and which
 * jobs were deleted here (the list keeps showing deleted jobs, unmarked). Remembers the most recent jobs only.
 */
@Component
class RecentJobs {

    /** Number of jobs remembered; the oldest are forgotten first. */
    private static final int CAPACITY = 1_000;

    private final Map<String, Remembered> jobs = new LinkedHashMap<>() {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * @param id the video id of a job created here
     * @param prompt its prompt
     */
    synchronized void created(String id, @Nullable String prompt) {
        this.jobs.put(id, new Remembered(prompt, false));
    }

    /**
     * @param id the video id of a job deleted here
     */
    synchronized void deleted(String id) {
        Remembered known = this.jobs.get(id);
        this.jobs.put(id, new Remembered((known != null) ? known.prompt() : null, true));
    }

    /**
     * @param id a video id
     * @return whether the job was deleted here
     */
    synchronized boolean isDeleted(String id) {
        Remembered known = this.jobs.get(id);
        return known != null && known.deleted();
    }

    /**
     * @param view a job as the gateway described it
     * @return the view with the remembered prompt when the gateway gave none
     */
    synchronized JobView withPrompt(JobView view) {
        Remembered known = this.jobs.get(view.id());
        if (view.prompt() != null || known == null || known.prompt() == null) {
            return view;
        }
        return new JobView(view.id(), view.status(), view.progress(), view.terminal(), view.model(), known.prompt(),
                view.createdAt(), view.error());
    }

    private record Remembered(@Nullable String prompt, boolean deleted) {
    }
}
