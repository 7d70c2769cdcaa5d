package camlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
  @TempDir Path home;
  private String previousHome;

  @BeforeEach
  void useTemporaryHome() throws Exception {
    previousHome = System.getProperty("camlab.home");
    System.setProperty("camlab.home", home.toString());
    Files.createDirectories(home.resolve("datasets/fashion-mnist"));
  }

  @AfterEach
  void restoreHome() {
    if (previousHome == null) System.clearProperty("camlab.home");
    else System.setProperty("camlab.home", previousHome);
  }

  @Test
  void aCorruptFileIsReportedByNameWithTheFix() throws Exception {
    Path labels = home.resolve("datasets/fashion-mnist/t10k-labels-idx1-ubyte");
    Files.write(labels, new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 5});
    DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.bytes(FashionMnist.DataFile.TEST_LABELS));
    assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("corrupt or truncated"), e.getMessage());
    assertTrue(e.getMessage().contains("./camlab data"), e.getMessage());
  }

  @Test
  void fetchCopiesVerifiedFilesAndRepairsABadOne() throws Exception {
    assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIR) || System.getenv("CAMLAB_DATA") != null,
        "needs a local Fashion-MNIST source (Debian's dataset-fashion-mnist or CAMLAB_DATA)");
    List<String> log = new ArrayList<>();
    FashionMnist.fetch(log::add);
    Path labels = home.resolve("datasets/fashion-mnist/t10k-labels-idx1-ubyte");
    assertEquals(10_008, Files.size(labels));
    byte[] good = Files.readAllBytes(labels);
    Files.write(labels, Arrays.copyOf(good, 500)); // truncate it
    log.clear();
    FashionMnist.fetch(log::add);
    assertArrayEquals(good, Files.readAllBytes(labels));
    assertTrue(log.stream().anyMatch(l -> l.startsWith("fetched") && l.contains("t10k-labels")), log.toString());
    assertTrue(log.stream().filter(l -> l.startsWith("ok")).count() == 3, log.toString());
    try (var files = Files.list(labels.getParent())) {
      assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "no temporary file is left behind");
    }
  }
}
