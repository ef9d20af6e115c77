package org.huitong.pipeline.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsFullWidthLettersAndDigits() {
        assertThat(TextNormalizer.normalize("９１６２０１０２ＭＡ")).isEqualTo("91620102MA");
        assertThat(TextNormalizer.normalize("ｘ")).isEqualTo("x");
    }

    @Test
    void trimsIdeographicAndNoBreakSpaces() {
        assertThat(TextNormalizer.normalize("\u3000兰州\u00A0")).isEqualTo("兰州");
        assertThat(TextNormalizer.normalize("\u2003\uFEFF甲\t\n")).isEqualTo("甲");
    }

    @Test
    void keepsInnerSpacesAsPlainSpaces() {
        assertThat(TextNormalizer.normalize("城关区\u3000张掖路")).isEqualTo("城关区 张掖路");
    }

    @Test
    void ideographicSpaceOnlyIsBlank() {
        assertThat(TextNormalizer.isBlank("\u3000\u3000")).isTrue();
        assertThat(TextNormalizer.normalizeOrNull("\u3000")).isNull();
        assertThat(TextNormalizer.isBlank("甲")).isFalse();
    }

    @Test
    void keepsSupplementaryCharacters() {
        assertThat(TextNormalizer.normalize("𠮷野家")).isEqualTo("𠮷野家");
    }
}
