package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class InputCodecProperties {
    private final InputCodec codec = new InputCodec();

    @Provide
    Arbitrary<Input> inputs() {
        return InputSamples.inputs();
    }

    @Property(tries = 500)
    void everyInputRoundTrips(@ForAll("inputs") Input in) {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        int n = codec.encode(in, b);
        assertThat(b.position()).isEqualTo(n);
        b.flip();
        assertThat(codec.decode(b)).isEqualTo(in);
        assertThat(b.position()).isEqualTo(n);
    }

    @Property(tries = 500)
    void garbageNeverThrowsAnythingButCorruptEntry(@ForAll @Size(max = 80) byte[] garbage) {
        Throwable t = catchThrowable(() -> codec.decode(ByteBuffer.wrap(garbage)));
        assertThat(t).isInstanceOf(CorruptEntryException.class);
    }

    @Property(tries = 300)
    void garbageWithAPlausibleHeaderIsCorrupt(
            @ForAll @IntRange(min = 0, max = 60) int tag, @ForAll @Size(min = 4, max = 80) byte[] rest) {
        ByteBuffer b = ByteBuffer.allocate(6 + rest.length);
        b.put((byte) 1).put((byte) tag).putInt(rest.length - 4).put(rest);
        Throwable t = catchThrowable(() -> codec.decode(ByteBuffer.wrap(b.array())));
        assertThat(t).isInstanceOf(CorruptEntryException.class);
    }

    @Property(tries = 300)
    void everyTruncationIsCorrupt(@ForAll("inputs") Input in, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        byte[] bytes = codec.encode(in);
        int len = cut % bytes.length;
        ByteBuffer truncated = ByteBuffer.wrap(Arrays.copyOf(bytes, len));
        assertThatThrownBy(() -> codec.decode(truncated))
                .isInstanceOf(CorruptEntryException.class)
                .hasMessageContaining("offset 0");
        assertThat(truncated.position()).isZero();
    }

    @Property(tries = 500)
    void everySingleBitFlipIsDetected(@ForAll("inputs") Input in, @ForAll @IntRange(min = 0) int bit) {
        byte[] bytes = codec.encode(in);
        int i = bit % (bytes.length * 8);
        bytes[i / 8] ^= (byte) (1 << (i % 8));
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(bytes))).isInstanceOf(CorruptEntryException.class);
    }
}
