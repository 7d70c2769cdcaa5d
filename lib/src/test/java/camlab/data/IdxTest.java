package camlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class IdxTest {
  static byte[] images(int count, int rows, int cols, byte... pixels) {
    ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
    b.putInt(0x803).putInt(count).putInt(rows).putInt(cols).put(pixels);
    return b.array();
  }

  @Test
  void readsImagesAndLabels() throws IOException {
    Idx.Images img = Idx.readImages("t", images(2, 1, 2, (byte) 0, (byte) 255, (byte) 7, (byte) 128));
    assertEquals(2, img.count());
    assertEquals(255, img.pixel(0, 0, 1));
    assertEquals(128, img.pixel(1, 0, 1));
    byte[] labels = Idx.readLabels("l", ByteBuffer.allocate(10).putInt(0x801).putInt(2).put((byte) 3).put((byte) 9).array());
    assertArrayEquals(new byte[] {3, 9}, labels);
  }

  @Test
  void truncatedOrForeignFilesAreNamed() {
    IOException truncated = assertThrows(IOException.class, () -> Idx.readImages("train-images", images(3, 1, 2, (byte) 1, (byte) 2)));
    assertTrue(truncated.getMessage().contains("train-images is truncated or corrupt"), truncated.getMessage());
    IOException magic = assertThrows(IOException.class, () -> Idx.readLabels("labels.bin", images(1, 1, 1, (byte) 1)));
    assertTrue(magic.getMessage().contains("not an IDX label file"), magic.getMessage());
    assertThrows(IOException.class, () -> Idx.readLabels("x", new byte[3]));
  }
}
