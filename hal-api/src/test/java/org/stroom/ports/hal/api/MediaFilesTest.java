package org.stroom.ports.hal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReadsTiffClassFPages() {
        Path f = dir.resolve("three.tif");
        TiffInfo.writeBlankPages(f, 3, 100);
        assertThat(TiffInfo.read(f).pages()).isEqualTo(3);
    }

    @Test
    void explainsMissingAndNonTiffFaxDocuments() throws Exception {
        assertThatThrownBy(() -> TiffInfo.read(dir.resolve("missing.tif")))
                .isInstanceOf(HalException.class)
                .hasMessageEndingWith("missing.tif does not exist");
        Path pdf = dir.resolve("doc.pdf");
        Files.writeString(pdf, "%PDF-1.4 not a fax");
        assertThatThrownBy(() -> TiffInfo.read(pdf))
                .hasMessageContaining("is not a TIFF file (no II/MM byte-order mark)");
        Path truncated = dir.resolve("cut.tif");
        TiffInfo.writeBlankPages(truncated, 2, 50);
        byte[] b = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(b, b.length - 30));
        assertThatThrownBy(() -> TiffInfo.read(truncated)).hasMessageContaining("page 2");
    }

    @Test
    void acceptsTelephonyWavAndExplainsOtherAudio() throws Exception {
        Path ok = dir.resolve("prompt.wav");
        WavInfo.writeSilence(ok, AudioEncoding.MULAW, Duration.ofMillis(1500));
        WavInfo info = WavInfo.read(ok);
        assertThat(info.encoding()).isEqualTo(AudioEncoding.MULAW);
        assertThat(info.duration()).isEqualTo(Duration.ofMillis(1500));

        Path pcm = dir.resolve("cd.wav");
        byte[] header = Files.readAllBytes(ok);
        header[20] = 1; // PCM format tag
        Files.write(pcm, header);
        assertThatThrownBy(() -> WavInfo.read(pcm)).hasMessageContaining("format tag 1; only µ-law (7) and A-law (6)");
        assertThatThrownBy(() -> WavInfo.read(dir.resolve("nope.wav"))).hasMessageEndingWith("nope.wav does not exist");
    }
}
