package camlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
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
    System.clearProperty("camlab.data.system");
  }

  @Test
  void aMissingFileNamesTheFoldersSearchedAndTheFix() throws Exception {
    assumeTrue(System.getenv("CAMLAB_DATA") == null, "CAMLAB_DATA may hold the file");
    Path noSystemCopy = Files.createDirectories(home.resolve("empty-system-dir"));
    System.setProperty("camlab.data.system", noSystemCopy.toString());
    DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.bytes(FashionMnist.DataFile.TRAIN_IMAGES));
    assertTrue(e.getMessage().contains("train-images-idx3-ubyte was not found in"), e.getMessage());
    assertTrue(e.getMessage().contains(noSystemCopy.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("Run `./camlab data`"), e.getMessage());
  }

  @Test
  void aTruncatedGzippedFileIsReportedByNameWithTheFix() throws Exception {
    Path gz = home.resolve("datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz");
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(whole)) {
      out.write(new byte[5000]);
    }
    Files.write(gz, Arrays.copyOf(whole.toByteArray(), whole.size() / 2)); // the download broke off half-way
    DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.bytes(FashionMnist.DataFile.TEST_LABELS));
    assertTrue(e.getMessage().contains("Cannot read " + gz), e.getMessage());
    assertTrue(e.getMessage().contains("./camlab data"), e.getMessage());
  }

  @Test
  void installNeverReplacesAGoodFileWithABrokenOffOrWrongStream() throws Exception {
    Path dir = home.resolve("datasets/fashion-mnist");
    Path dest = dir.resolve("t10k-labels-idx1-ubyte");
    byte[] good = "the good file".getBytes(StandardCharsets.UTF_8);
    Files.write(dest, good);
    byte[] fresh = new byte[100_000];
    new java.util.Random(1).nextBytes(fresh);
    String freshSha = FashionMnist.sha256(fresh);

    InputStream brokenOff = new SequenceInputStream(new ByteArrayInputStream(fresh, 0, 40_000), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("Connection reset");
      }
    });
    IOException reset = assertThrows(IOException.class, () -> FashionMnist.install(dest, freshSha, brokenOff));
    assertTrue(reset.getMessage().contains("Connection reset"), reset.getMessage());
    assertArrayEquals(good, Files.readAllBytes(dest), "a download that broke off leaves the old file");

    byte[] altered = fresh.clone();
    altered[777] ^= 1;
    IOException mismatch = assertThrows(IOException.class, () -> FashionMnist.install(dest, freshSha, new ByteArrayInputStream(altered)));
    assertTrue(mismatch.getMessage().contains("SHA-256") && mismatch.getMessage().contains(freshSha), mismatch.getMessage());
    assertArrayEquals(good, Files.readAllBytes(dest), "a download with other bytes leaves the old file");

    IOException truncated = assertThrows(IOException.class,
        () -> FashionMnist.install(dest, freshSha, new ByteArrayInputStream(fresh, 0, fresh.length - 1)));
    assertTrue(truncated.getMessage().contains("truncated or altered"), truncated.getMessage());
    assertArrayEquals(good, Files.readAllBytes(dest));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(dest), files.toList(), "no temporary file is left behind");
    }

    FashionMnist.install(dest, freshSha, new ByteArrayInputStream(fresh));
    assertArrayEquals(fresh, Files.readAllBytes(dest), "verified bytes do replace it");
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
    Path killed = Files.write(labels.resolveSibling("t10k-labels-idx1-ubyte.42.part"), new byte[7]); // left by a fetch killed an hour ago
    Files.setLastModifiedTime(killed, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
    Path running = Files.write(labels.resolveSibling("train-images-idx3-ubyte.43.part"), new byte[7]); // another fetch, still writing
    log.clear();
    FashionMnist.fetch(log::add);
    assertArrayEquals(good, Files.readAllBytes(labels));
    assertTrue(log.stream().anyMatch(l -> l.startsWith("fetched") && l.contains("t10k-labels")), log.toString());
    assertTrue(log.stream().filter(l -> l.startsWith("ok")).count() == 3, log.toString());
    assertTrue(Files.exists(running), "a temporary file still being written is left to its fetch");
    Files.delete(running);
    try (var files = Files.list(labels.getParent())) {
      assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "no temporary file is left behind");
    }
  }

  @Test
  void aDownloadThatCannotStartSaysWhyInWords() {
    String host = java.net.URI.create(FashionMnist.OFFICIAL_URL).getHost();
    // what the JDK's HttpClient throws without DNS: a ConnectException without a message, caused by an UnresolvedAddressException
    java.net.ConnectException noDns = new java.net.ConnectException();
    noDns.initCause(new java.nio.channels.UnresolvedAddressException());
    assertEquals("cannot find " + host + ": no network, or no DNS", FashionMnist.networkReason(noDns));
    assertEquals("cannot connect to " + host + ": no network, or a firewall", FashionMnist.networkReason(new java.net.ConnectException()));
    assertEquals("no answer from " + host + " in time", FashionMnist.networkReason(new java.net.http.HttpConnectTimeoutException("HTTP connect timed out")));
    assertEquals("HTTP 404", FashionMnist.networkReason(new java.io.IOException("HTTP 404")));
    assertEquals("no reason given (IOException)", FashionMnist.networkReason(new java.io.IOException()));
  }
}
