package io.aistats.benchmarks;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The peer's side of the download benchmark, as {@link DownloadChild} does it for the starter: openai-java's
 * {@code videos().downloadContent(id)}, its body copied into the file with {@link Files#copy(InputStream, Path,
 * java.nio.file.CopyOption...)}, the way its documentation streams binary content. Same arguments, same output.
 */
public final class OpenAiDownloadChild {

    private OpenAiDownloadChild() {
    }

    public static void main(String[] args) throws Exception {
        OpenAIClient client = OpenAiPeer.client(args[0], args[1], Duration.ofMinutes(5));
        client.videos().retrieve(args[2]);
        DownloadChild.measure((target) -> {
            try (HttpResponse response = client.videos().downloadContent(args[2]);
                    InputStream body = response.body()) {
                Files.copy(body, target);
            }
        }, Path.of(args[3]));
    }
}
