package io.aistats.video;

import org.springframework.web.reactive.function.client.WebClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Downloads one video with the blocking client; run in a JVM with a small heap to prove that downloads stream.
 * Arguments: base URL, API key, video id, target file. Exits 0 after printing the file size.
 */
public final class LargeDownloadMain {

    private LargeDownloadMain() {
    }

    public static void main(String[] args) throws Exception {
        VideoClientSettings settings = VideoClientSettings.builder()
            .baseUrl(args[0])
            .apiKey(args[1])
            .callTimeout(Duration.ofMinutes(2))
            .build();
        VideoClient client = VideoClient.create(ReactiveVideoClient.create(WebClient.builder(), settings));
        Path target = client.downloadVideoContent(args[2], Path.of(args[3]));
        System.out.println("downloaded " + Files.size(target) + " bytes, max heap "
            + Runtime.getRuntime().maxMemory());
        System.exit(0);
    }
}
