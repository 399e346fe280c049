package io.aistats.video.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class OpenEnumTests {

    @Test
    void knownValuesYieldTheConstantsAndOthersAreCarriedTrimmed() {
        assertThat(Colour.of(" RED ")).isSameAs(Colour.RED);
        assertThat(Colour.RED.isKnown()).isTrue();
        Colour teal = Colour.of(" Teal ");
        assertThat(teal.value()).isEqualTo("Teal");
        assertThat(teal).hasToString("Teal").isEqualTo(Colour.of("teal")).hasSameHashCodeAs(Colour.of("TEAL"));
        assertThat(teal.isKnown()).isFalse();
        assertThatNullPointerException().isThrownBy(() -> Colour.of(null)).withMessage("value");
    }

    @Test
    void valuesOfDifferentVocabulariesAreNeverEqual() {
        assertThat(VideoStatus.COMPLETED.value()).isEqualTo(LifecycleStatus.COMPLETED.value());
        assertThat((Object) VideoStatus.COMPLETED).isNotEqualTo(LifecycleStatus.COMPLETED);
        assertThat((Object) Colour.of("completed")).isNotEqualTo(VideoStatus.COMPLETED);
    }

    /** A vocabulary declared the way the library's statuses are. */
    static final class Colour extends OpenEnum {

        private static final Constants<Colour> CONSTANTS = new Constants<>(Colour::new);

        static final Colour RED = CONSTANTS.add("red");

        private Colour(String value) {
            super(value);
        }

        static Colour of(String value) {
            return CONSTANTS.of(value);
        }

        @Override
        public boolean isKnown() {
            return CONSTANTS.contains(this);
        }
    }
}
