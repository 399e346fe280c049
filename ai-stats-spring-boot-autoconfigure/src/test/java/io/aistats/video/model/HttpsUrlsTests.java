package io.aistats.video.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpsUrlsTests {

    /** Accepted by the WHATWG parser as https URLs; {@code java.net.URI} refuses the first five. */
    @ParameterizedTest
    @ValueSource(strings = { "https://example.com/my image.png", "https://example.com/a.png?x=1|2",
            "https://bücher.example/a.png", "https://my_bucket.example.com/a.png", "https:example.com/a.png",
            "https://example.com/a.png", "HTTPS://EXAMPLE.COM/a.png", "https:\\\\example.com\\a.png",
            "https:///example.com/a.png", "https://user:p%40ss@example.com:8443/a.png", "https://example.com:/a.png",
            "https://[2001:db8::1]/a.png", "https://192.168.0.1/a.png", "https://0x7f.1/a.png", "https://example.com.",
            " \u00a0https://example.com/a.png\n", "https://exa\tmple.com/a.png", "https://example.com#frag",
            "https://example.com/%zz", "https://ex%41mple.com/" })
    void acceptsWhatTheWhatwgParserAccepts(String url) {
        assertThat(HttpsUrls.isHttps(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://example.com/a.png", "data:image/png;base64,AAAA", "/relative/a.png",
            "example.com/a.png", "https://", "https:", "https:///", "https://exa mple.com/a.png",
            "https://example.com:65536/a.png", "https://example.com:8o/a.png", "https://exa<mple.com/",
            "https://exa^mple.com/", "https://exa|mple.com/", "https://ex%20ample.com/", "https://ex%25ample.com/",
            "https://[2001:db8::1/a.png", "https://[::1::2]/", "https://1.2.3.256/", "https://1.2.3.4.5/",
            "https://example.09/", "ftp://example.com/a.png", "https ://example.com/a.png" })
    void refusesWhatTheWhatwgParserRefusesOrWhatIsNotHttps(String url) {
        assertThat(HttpsUrls.isHttps(url)).isFalse();
    }
}
