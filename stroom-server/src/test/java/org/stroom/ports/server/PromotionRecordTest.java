package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionRecordTest {
    private static final Instant T0 = Instant.parse("2026-11-22T05:10:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @TempDir
    Path dir;

    @Test
    void aWrittenRecordReadsBackTheSameAndLeavesNoTemporaryFile() {
        PromotionRecord r = PromotionRecord.promoted(Optional.empty(), T0, "a-server", Path.of("/p/proof.json"), DAY);

        r.write(dir);

        assertThat(PromotionRecord.read(dir)).contains(r);
        assertThat(dir.resolve(PromotionRecord.FILE + ".tmp")).doesNotExist();
        assertThat(r.promoted()).isTrue();
        assertThat(r.promotions()).containsExactly(T0);
    }

    @Test
    void noFileMeansNoRecord() {
        assertThat(PromotionRecord.read(dir)).isEmpty();
    }

    @Test
    void promotionsOutsideTheLockOutWindowAreDroppedAndAFailbackKeepsTheRest() {
        PromotionRecord first = PromotionRecord.promoted(Optional.empty(), T0, "a-server", Path.of("p1"), DAY);
        PromotionRecord second = PromotionRecord.promoted(
                Optional.of(first.failedBack()), T0.plus(Duration.ofHours(20)), "a-server", Path.of("p2"), DAY);
        PromotionRecord third = PromotionRecord.promoted(
                Optional.of(second.failedBack()), T0.plus(Duration.ofHours(30)), "a-server", Path.of("p3"), DAY);

        assertThat(second.promotions()).hasSize(2);
        assertThat(third.promotions()).containsExactly(T0.plus(Duration.ofHours(20)), T0.plus(Duration.ofHours(30)));
        assertThat(third.failedBack().promoted()).isFalse();
        assertThat(third.failedBack().promotions()).isEqualTo(third.promotions());
        assertThat(third.ages(T0.plus(Duration.ofHours(31))))
                .containsExactly(Duration.ofHours(11), Duration.ofHours(1));
        assertThat(third.ages(T0))
                .as("a clock stepped back gives no negative age")
                .containsOnly(Duration.ZERO);
    }

    @Test
    void aBadLineIsReportedWithTheFileAndLine() throws IOException {
        Path file = dir.resolve(PromotionRecord.FILE);
        Files.writeString(
                file, "# header\npromoted: true\npeer: a-server\npromotion: yesterday\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PromotionRecord.read(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + " line 4: promotion must be an ISO-8601 instant")
                .hasMessageContaining("'yesterday'");

        Files.writeString(file, "promoted: true\ncolour: blue\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PromotionRecord.read(dir)).hasMessageContaining("line 2: unknown key 'colour'");

        Files.writeString(file, "proof: x\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PromotionRecord.read(dir))
                .hasMessageContaining("needs a 'promoted' and a 'peer' line");
    }

    @Test
    void aNewRecordReplacesTheOldOneWhole() {
        PromotionRecord.promoted(Optional.empty(), T0, "a-server", Path.of("p1"), DAY)
                .write(dir);
        PromotionRecord next = new PromotionRecord(false, "a-server", "p1", List.of(T0));

        next.write(dir);

        assertThat(PromotionRecord.read(dir)).contains(next);
    }
}
