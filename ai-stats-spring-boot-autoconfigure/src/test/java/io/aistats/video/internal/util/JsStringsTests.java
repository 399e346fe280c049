package io.aistats.video.internal.util;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class JsStringsTests {

    /** ECMAScript WhiteSpace and LineTerminator, as listed in the specification. */
    private static final String JS_WHITE_SPACE = "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
            + "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

    @Test
    void whiteSpaceIsExactlyTheEcmaScriptSet() {
        String found = IntStream.rangeClosed(0, 0xFFFF)
            .filter((ch) -> JsStrings.isWhiteSpace((char) ch))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();

        assertThat(found).isEqualTo(JS_WHITE_SPACE);
    }

    @Test
    void trimsWhatJavaScriptTrimsAndKeepsWhatItKeeps() {
        assertThat(JsStrings.trim("\u00a0\ufeff video.completed\u00a0\u202f")).isEqualTo("video.completed");
        assertThat(JsStrings.trim("\u001cx\u001f")).isEqualTo("\u001cx\u001f");
        assertThat(JsStrings.trim("\u0085x\u200b")).isEqualTo("\u0085x\u200b");
        assertThat(JsStrings.trim("a b")).isEqualTo("a b");
        assertThat(JsStrings.trim(JS_WHITE_SPACE)).isEmpty();
    }

    @Test
    void blanknessDisagreesWithJavaWhereTheIssueFoundIt() {
        for (String blank : new String[] { "", " ", "\u00a0", "\ufeff", "\u202f\u2007", JS_WHITE_SPACE }) {
            assertThat(JsStrings.isBlank(blank)).as("'%s'", blank).isTrue();
        }
        assertThat("\u00a0".isBlank()).isFalse();
        assertThat(JsStrings.isBlank("\u001c")).isFalse();
        assertThat("\u001c".isBlank()).isTrue();
    }
}
