package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.stroom.ports.t1.SpanLocation;

class InputCodecTest {
    private final InputCodec codec = new InputCodec();

    @Test
    void everyInputTypeHasASampleThatRoundTrips() {
        List<Input> samples = InputSamples.oneOfEach();
        Set<Class<?>> sampled = samples.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled)
                .as("a sample of every Input type (add one for a new type)")
                .containsAll(InputSamples.leafTypes(Input.class));
        for (Input in : samples) {
            assertThat(codec.decode(ByteBuffer.wrap(codec.encode(in)))).isEqualTo(in);
        }
    }

    @Test
    void everyInputTypeHasADistinctTagAndName() {
        List<Input> samples = InputSamples.oneOfEach();
        Set<Integer> tags = samples.stream().map(InputCodec::tagOf).collect(Collectors.toSet());
        assertThat(tags).hasSize(InputSamples.leafTypes(Input.class).size());
        for (Input in : samples) {
            assertThat(InputCodec.typeName(InputCodec.tagOf(in)))
                    .isEqualTo(in.getClass().getSimpleName());
        }
    }

    @Test
    void withAtNanosChangesOnlyTheTime() {
        for (Input in : InputSamples.oneOfEach()) {
            Input stamped = in.withAtNanos(123_456_789L);
            assertThat(stamped.atNanos()).isEqualTo(123_456_789L);
            assertThat(stamped.getClass()).isEqualTo(in.getClass());
            assertThat(stamped.withAtNanos(in.atNanos())).isEqualTo(in);
        }
    }

    @Test
    void aRepeatedNameDecodesToOneStringInstanceAndOtherNamesStayDistinct() {
        Input first = allocateFrom(new String("group-a"), new String("class-x"));
        Input other = allocateFrom(new String("group-b"), new String("class-y"));
        Input again = allocateFrom(new String("group-a"), new String("class-x"));
        byte[] encodedFirst = codec.encode(first);
        byte[] encodedOther = codec.encode(other);
        byte[] encodedAgain = codec.encode(again);

        Input.Allocate a = (Input.Allocate) codec.decode(ByteBuffer.wrap(encodedFirst));
        Input.Allocate b = (Input.Allocate) codec.decode(ByteBuffer.wrap(encodedOther));
        Input.Allocate c = (Input.Allocate) codec.decode(ByteBuffer.wrap(encodedAgain));

        assertThat(encodedAgain).isEqualTo(encodedFirst);
        assertThat(List.<Input>of(a, b, c)).containsExactly(first, other, again);
        assertThat(c.group()).isSameAs(a.group());
        assertThat(c.priorityClass()).isSameAs(a.priorityClass());
        assertThat(b.group()).isEqualTo("group-b");
    }

    private static Input.Allocate allocateFrom(String group, String priorityClass) {
        return new Input.Allocate(
                7, 3, org.stroom.ports.hal.api.PortKind.FAX, Direction.IN, group, null, priorityClass, 1_000);
    }

    @Test
    void aNameThatFailedItsCheckIsRejectedAgainAfterAValidOne() {
        String bad = "bad\u0001name";
        for (int round = 0; round < 2; round++) {
            assertThat(allocateFrom("fine", "normal").group()).isEqualTo("fine");
            assertThatThrownBy(() -> allocateFrom(bad, "normal")).hasMessageContaining("control characters");
        }
    }

    @Test
    void tickHasThePinnedWireFormat() {
        byte[] bytes = codec.encode(new Input.Tick(5));
        // version 1, tag 40, body length 8, atNanos 5, CRC-32C of the first 14 bytes.
        assertThat(HexFormat.of().formatHex(bytes, 0, 14)).isEqualTo("012800000008" + "0000000000000005");
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 14);
        assertThat(ByteBuffer.wrap(bytes, 14, 4).getInt()).isEqualTo((int) crc.getValue());
        assertThat(bytes).hasSize(18);
    }

    @Test
    void recordsFollowEachOtherInOneBufferOfEitherByteOrder() {
        ByteBuffer b = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
        int total = 0;
        for (Input in : InputSamples.oneOfEach()) {
            total += codec.encode(in, b);
        }
        assertThat(b.position()).isEqualTo(total);
        b.flip();
        for (Input in : InputSamples.oneOfEach()) {
            assertThat(codec.decode(b)).isEqualTo(in);
        }
        assertThat(b.hasRemaining()).isFalse();
        assertThat(b.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void encodingIntoATooSmallBufferOverflowsAndLeavesThePosition() {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.position(3);
        Input big = InputSamples.oneOfEach().get(1);
        assertThatThrownBy(() -> codec.encode(big, b)).isInstanceOf(BufferOverflowException.class);
        assertThat(b.position()).isEqualTo(3);
    }

    @Test
    void fieldOutOfRangeWithAValidChecksumIsCorruptNamingTheType() {
        ByteBuffer body = ByteBuffer.allocate(64);
        body.putLong(1);
        Wire.putLocation(body, new SpanLocation("m", 0, 1));
        body.put((byte) 30); // DS0 30 does not exist
        byte[] bytes = frame(1, InputCodec.TAG_LOCK, body);
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(bytes)))
                .isInstanceOf(CorruptEntryException.class)
                .hasMessageContaining("corrupt Lock entry at offset 0")
                .hasMessageContaining("30")
                .satisfies(e -> assertThat(((CorruptEntryException) e).type()).isEqualTo("Lock"));
    }

    @Test
    void unknownTagAndUnknownVersionAreCorrupt() {
        ByteBuffer body = ByteBuffer.allocate(8).putLong(1);
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(frame(1, 0x63, body))))
                .isInstanceOf(CorruptEntryException.class)
                .hasMessageContaining("tag 0x63");
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(frame(2, InputCodec.TAG_TICK, body))))
                .isInstanceOf(CorruptEntryException.class)
                .hasMessageContaining("format version 2 is unknown");
    }

    @Test
    void trailingBytesInsideTheBodyAreCorrupt() {
        ByteBuffer body = ByteBuffer.allocate(9).putLong(1).put((byte) 0);
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(frame(1, InputCodec.TAG_TICK, body))))
                .isInstanceOf(CorruptEntryException.class)
                .hasMessageContaining("1 unread bytes");
    }

    @Test
    void offsetNamesWhereTheBadRecordStarts() {
        byte[] good = codec.encode(new Input.Tick(1));
        ByteBuffer b = ByteBuffer.allocate(good.length + 5).put(good).put(new byte[] {1, 40, 0, 0, 0});
        b.flip();
        codec.decode(b);
        int before = b.position();
        assertThatThrownBy(() -> codec.decode(b))
                .isInstanceOf(CorruptEntryException.class)
                .satisfies(e -> assertThat(((CorruptEntryException) e).offset()).isEqualTo(good.length));
        assertThat(b.position()).isEqualTo(before);
    }

    private static byte[] frame(int version, int tag, ByteBuffer body) {
        body.flip();
        int len = body.remaining();
        ByteBuffer b = ByteBuffer.allocate(InputCodec.HEADER_BYTES + len + InputCodec.TRAILER_BYTES);
        b.put((byte) version).put((byte) tag).putInt(len).put(body);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }
}
