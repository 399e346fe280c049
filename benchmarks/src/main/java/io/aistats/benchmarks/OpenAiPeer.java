package io.aistats.benchmarks;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.RecordedRequest;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * The peer of the client benchmarks, openai-java: how it is pointed at the simulator, and the check that the
 * simulator serves its requests as the gateway would (the same route, the bearer key in {@code Authorization}).
 */
final class OpenAiPeer {

    private OpenAiPeer() {
    }

    /**
     * @param baseUrl the simulator's base URL (with {@code /v1})
     * @param apiKey its key
     * @param timeout the whole call's timeout
     * @return openai-java's client with its defaults otherwise (OkHttp, its retries, its connection pool)
     */
    static OpenAIClient client(String baseUrl, String apiKey, Duration timeout) {
        return OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(apiKey).timeout(timeout).build();
    }

    static OpenAIClient client(AiStatsGatewaySimulator simulator) {
        return client(simulator.baseUrl().toString(), simulator.apiKey(), Duration.ofSeconds(30));
    }

    /**
     * Checks that the simulator received openai-java's request at the gateway's route with the bearer key, and says
     * what openai-java added.
     * @param simulator the simulator, whose recorded requests hold only openai-java's
     * @param path the gateway's path, for example {@code /v1/videos/<id>}
     * @return a line that names the route and the headers and query openai-java sent
     * @throws IllegalStateException when the simulator did not see such a request
     */
    static String checkServedAsGatewayWould(AiStatsGatewaySimulator simulator, String path) {
        List<RecordedRequest> requests = simulator.requests();
        RecordedRequest request = requests.stream()
            .filter((each) -> "GET".equals(each.method()) && path.equals(each.path()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("openai-java's request did not reach GET " + path + ": "
                    + requests));
        // the recording masks the key's secret (phaseo_v1_sk_<key id>_***); the rest must be the simulator's key
        String authorization = request.header("Authorization").orElse("");
        String[] keyParts = simulator.apiKey().split("_", 5);
        String masked = String.join("_", keyParts[0], keyParts[1], keyParts[2], keyParts[3], "***");
        if (!authorization.equals("Bearer " + masked)) {
            throw new IllegalStateException("openai-java did not send the key as a bearer token: " + authorization);
        }
        return "PEER | openai-java reached GET " + path + " with Authorization: Bearer <the simulator's key>"
            + (request.query().isEmpty() ? ", no query" : ", query " + request.query()) + "; its headers: "
            + new TreeSet<>(request.headers().keySet());
    }
}
