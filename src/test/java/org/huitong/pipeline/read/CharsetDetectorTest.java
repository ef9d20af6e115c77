package org.huitong.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharsetDetectorTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path dir;

    @Test
    void detectsGb18030WithoutByteOrderMark() throws Exception {
        Path file = dir.resolve("gbk.csv");
        Files.write(file, "名称,地址\n兰州市城关区,甘肃省\n".getBytes(GB18030));

        DetectedCharset detected = CharsetDetector.detect(file, null);

        assertThat(detected.charset()).isEqualTo(GB18030);
        assertThat(detected.byteOrderMarkLength()).isZero();
    }

    @Test
    void detectsUtf8WithoutByteOrderMark() throws Exception {
        Path file = dir.resolve("utf8.csv");
        Files.writeString(file, "名称\n𠮷野家\n", StandardCharsets.UTF_8);

        DetectedCharset detected = CharsetDetector.detect(file, null);

        assertThat(detected.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void detectsUtf8ByteOrderMark() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "名称\n".getBytes(StandardCharsets.UTF_8)));

        DetectedCharset detected = CharsetDetector.detect(file, null);

        assertThat(detected.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detected.byteOrderMarkLength()).isEqualTo(3);
    }

    @Test
    void detectsUtf16LittleEndianByteOrderMark() throws Exception {
        Path file = dir.resolve("utf16.csv");
        Files.write(file, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "名称\n".getBytes(StandardCharsets.UTF_16LE)));

        DetectedCharset detected = CharsetDetector.detect(file, null);

        assertThat(detected.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(detected.byteOrderMarkLength()).isEqualTo(2);
    }

    @Test
    void overrideWinsOverDetection() throws Exception {
        Path file = dir.resolve("override.csv");
        Files.writeString(file, "name\nplain ascii\n", StandardCharsets.UTF_8);

        DetectedCharset detected = CharsetDetector.detect(file, GB18030);

        assertThat(detected.charset()).isEqualTo(GB18030);
    }

    @Test
    void rejectsFileMixingEncodings() throws Exception {
        // Line 1 is UTF-8; line 2 is UTF-8 whose byte count breaks GB18030 pairs, then GBK.
        Path file = dir.resolve("mixed.csv");
        Files.write(file, concat(
                "名称,地址\n兰州市,".getBytes(StandardCharsets.UTF_8),
                "城关区\n".getBytes(GB18030)));

        assertThatThrownBy(() -> CharsetDetector.detect(file, null))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo("READ_CHARSET_UNDECODABLE");
                    assertThat(e.violation().message().en()).contains("UTF-8 it has an invalid byte on line 2 (byte 24)");
                    assertThat(e.violation().message().en()).contains("GB18030 (GBK) on line");
                    assertThat(e.violation().message().zh()).contains("按 UTF-8 读取时第 2 行");
                });
    }

    @Test
    void findsFirstInvalidByteAcrossChunks() throws Exception {
        Path file = dir.resolve("long.csv");
        String lines = "数据行\n".repeat(50_000);
        Files.write(file, concat(lines.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF}));

        CharsetDetector.DecodeFailure failure =
                CharsetDetector.findFirstInvalidByte(file, StandardCharsets.UTF_8).orElseThrow();

        assertThat(failure.line()).isEqualTo(50_001);
        assertThat(failure.byteOffset()).isEqualTo(lines.getBytes(StandardCharsets.UTF_8).length);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
