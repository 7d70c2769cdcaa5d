package camlab.data;

import camlab.util.CamLabHome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Fashion-MNIST (Xiao, Rasul, Vollgraf 2017; MIT licence): 70,000 grey 28×28 images of 10 clothing
 * classes in four IDX files.
 *
 * <p>The files are looked for in {@code datasets/fashion-mnist/}, then in {@code $CAMLAB_DATA}, then
 * where Debian's {@code dataset-fashion-mnist} package installs them; each may be raw or gzipped. Every
 * read is checked against the SHA-256 of the uncompressed file, so a truncated or altered file is
 * reported by name instead of training a silently wrong model. {@link #fetch} fills
 * {@code datasets/fashion-mnist/}.
 */
public final class FashionMnist {
  public static final List<String> CLASS_NAMES = List.of(
      "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  /** The dataset's official download location (the Fashion-MNIST README's links). */
  public static final String OFFICIAL_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

  /** Where Debian's dataset-fashion-mnist package puts the gzipped files. */
  public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  /** The four files, with the SHA-256 of their uncompressed contents. */
  public enum DataFile {
    TRAIN_IMAGES("train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
    TRAIN_LABELS("train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
    TEST_IMAGES("t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
    TEST_LABELS("t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    public final String fileName;
    public final String sha256;

    DataFile(String fileName, String sha256) {
      this.fileName = fileName;
      this.sha256 = sha256;
    }
  }

  /** One split: images and their labels (0..9). */
  public record Part(Idx.Images images, byte[] labels) {
    public int size() {
      return labels.length;
    }
  }

  private static final Map<Boolean, Part> LOADED = new ConcurrentHashMap<>();

  private FashionMnist() {}

  /** {@code <home>/datasets/fashion-mnist}, where {@code ./camlab data} puts the files. */
  public static Path directory() {
    return CamLabHome.datasets().resolve("fashion-mnist");
  }

  /** The folders searched for the files, in order. */
  public static List<Path> searchPath() {
    List<Path> dirs = new ArrayList<>();
    dirs.add(directory());
    String env = System.getenv("CAMLAB_DATA");
    if (env != null && !env.isBlank()) dirs.add(Path.of(env));
    dirs.add(DEBIAN_DIR);
    return dirs;
  }

  /** The training split (60,000 images), loaded once per JVM. */
  public static Part train() {
    return LOADED.computeIfAbsent(true, t -> load(DataFile.TRAIN_IMAGES, DataFile.TRAIN_LABELS));
  }

  /** The test split (10,000 images), loaded once per JVM. */
  public static Part test() {
    return LOADED.computeIfAbsent(false, t -> load(DataFile.TEST_IMAGES, DataFile.TEST_LABELS));
  }

  private static Part load(DataFile imagesFile, DataFile labelsFile) {
    try {
      Idx.Images images = Idx.readImages(imagesFile.fileName, bytes(imagesFile));
      byte[] labels = Idx.readLabels(labelsFile.fileName, bytes(labelsFile));
      if (images.count() != labels.length) {
        throw new DatasetException(imagesFile.fileName + " holds " + images.count() + " images but " + labelsFile.fileName
            + " holds " + labels.length + " labels. Run ./camlab data to restore both files.");
      }
      return new Part(images, labels);
    } catch (IOException e) {
      throw new DatasetException(e.getMessage() + " Run ./camlab data to restore it.", e);
    }
  }

  /** The verified, uncompressed contents of one file from the first folder of the search path holding it. */
  static byte[] bytes(DataFile file) {
    for (Path dir : searchPath()) {
      Path found = find(dir, file);
      if (found == null) continue;
      byte[] content;
      try {
        content = readMaybeGzipped(found);
      } catch (IOException e) {
        throw new DatasetException("Cannot read " + found + ": " + e.getMessage() + ". " + fixHint(found, dir));
      }
      String actual = sha256(content);
      if (!actual.equals(file.sha256)) {
        throw new DatasetException(found + " is corrupt or truncated: its SHA-256 is " + actual + ", expected " + file.sha256
            + ". " + fixHint(found, dir));
      }
      return content;
    }
    throw new DatasetException("Fashion-MNIST file " + file.fileName + " was not found in " + searchPath()
        + ". Run `./camlab data` (copies it from Debian's dataset-fashion-mnist package or downloads it, checking its"
        + " SHA-256), or set CAMLAB_DATA to a folder holding the four IDX files.");
  }

  private static String fixHint(Path found, Path dir) {
    return dir.equals(directory())
        ? "Delete it and run `./camlab data` to fetch a good copy."
        : "Replace it with a good copy (or unset CAMLAB_DATA / reinstall dataset-fashion-mnist) and run `./camlab data`.";
  }

  private static Path find(Path dir, DataFile file) {
    Path raw = dir.resolve(file.fileName);
    if (Files.isRegularFile(raw)) return raw;
    Path gz = dir.resolve(file.fileName + ".gz");
    return Files.isRegularFile(gz) ? gz : null;
  }

  private static byte[] readMaybeGzipped(Path path) throws IOException {
    if (!path.getFileName().toString().endsWith(".gz")) return Files.readAllBytes(path);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 1 << 16)) {
      return in.readAllBytes();
    }
  }

  /**
   * Puts the four verified files into {@link #directory()}. For each file missing or bad there, the
   * first good source wins: {@code $CAMLAB_DATA}, Debian's package, then a download from
   * {@link #OFFICIAL_URL}. Each file is written to a temporary name, verified, then moved into place,
   * so a good file is never replaced by a half-written one.
   *
   * @param log receives one line per file
   * @throws DatasetException naming the file that could not be obtained and what to do
   */
  public static void fetch(Consumer<String> log) {
    Path target = directory();
    try {
      Files.createDirectories(target);
    } catch (IOException e) {
      throw new DatasetException("Cannot create " + target + ": " + e.getMessage());
    }
    for (DataFile file : DataFile.values()) {
      Path dest = target.resolve(file.fileName);
      if (isGood(dest, file)) {
        log.accept("ok       " + dest + " (SHA-256 verified)");
        continue;
      }
      byte[] content = fromLocalSources(file, log);
      String origin = "copied from a local source";
      if (content == null) {
        content = download(file);
        origin = "downloaded from " + OFFICIAL_URL;
      }
      writeAtomically(dest, content);
      log.accept("fetched  " + dest + " (" + origin + ", SHA-256 verified)");
    }
    LOADED.clear();
  }

  private static boolean isGood(Path file, DataFile which) {
    try {
      return Files.isRegularFile(file) && sha256(Files.readAllBytes(file)).equals(which.sha256);
    } catch (IOException e) {
      return false;
    }
  }

  private static byte[] fromLocalSources(DataFile file, Consumer<String> log) {
    for (Path dir : searchPath().subList(1, searchPath().size())) {
      Path found = find(dir, file);
      if (found == null) continue;
      try {
        byte[] content = readMaybeGzipped(found);
        if (sha256(content).equals(file.sha256)) return content;
        log.accept("skipped  " + found + " (SHA-256 mismatch)");
      } catch (IOException e) {
        log.accept("skipped  " + found + " (" + e.getMessage() + ")");
      }
    }
    return null;
  }

  private static byte[] download(DataFile file) {
    String url = OFFICIAL_URL + file.fileName + ".gz";
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<InputStream> response = client.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = new GZIPInputStream(response.body(), 1 << 16)) {
        in.transferTo(out);
      }
      byte[] content = out.toByteArray();
      String actual = sha256(content);
      if (!actual.equals(file.sha256)) {
        throw new IOException("the download's SHA-256 is " + actual + ", expected " + file.sha256);
      }
      return content;
    } catch (IOException e) {
      throw new DatasetException(noSourceMessage(file, url, e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatasetException(noSourceMessage(file, url, "interrupted"), e);
    }
  }

  private static String noSourceMessage(DataFile file, String url, String why) {
    return "Could not obtain " + file.fileName + ": no verified local copy (looked in " + searchPath().subList(1, searchPath().size())
        + ") and downloading " + url + " failed (" + why + "). Install Debian's package (`sudo apt-get install"
        + " dataset-fashion-mnist`) or set CAMLAB_DATA to a folder holding the four files, then run `./camlab data` again.";
  }

  private static void writeAtomically(Path dest, byte[] content) {
    try {
      Path tmp = Files.createTempFile(dest.getParent(), dest.getFileName().toString(), ".part");
      try {
        Files.write(tmp, content);
        try {
          Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new DatasetException("Cannot write " + dest + ": " + e.getMessage());
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
