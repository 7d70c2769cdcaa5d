package camlab.data;

import camlab.util.CamLabHome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
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

  /** The system folder searched last: {@link #DEBIAN_DIR}, or the property {@code camlab.data.system} (tests point it elsewhere). */
  static Path systemDir() {
    String configured = System.getProperty("camlab.data.system");
    return configured == null || configured.isBlank() ? DEBIAN_DIR : Path.of(configured);
  }

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
    dirs.add(systemDir());
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
    removeStaleParts(target);
    for (DataFile file : DataFile.values()) {
      Path dest = target.resolve(file.fileName);
      if (isGood(dest, file)) {
        log.accept("ok       " + dest + " (SHA-256 verified)");
        continue;
      }
      requireWritable(target);
      Path source = installFromLocalSources(dest, file, log);
      String origin = source == null ? "downloaded from " + OFFICIAL_URL : "copied from " + source;
      if (source == null) download(dest, file);
      log.accept("fetched  " + dest + " (" + origin + ", SHA-256 verified)");
    }
    LOADED.clear();
  }

  /** A file is missing or bad: the folder it goes into must take a new one, else nothing can be fetched. */
  private static void requireWritable(Path target) {
    try {
      camlab.util.AtomicFile.checkWritableFolder(target);
    } catch (IOException e) {
      throw new DatasetException(e.getMessage() + " Make that folder writable, or set CAMLAB_DATA to a folder holding the four"
          + " Fashion-MNIST files, then run `./camlab data` again.", e);
    }
  }

  /**
   * Removes temporary files of a fetch that was killed before it could clean up: those not written to for ten
   * minutes (a fetch running in another process keeps writing to its own). The good files are never among them.
   */
  private static void removeStaleParts(Path target) {
    java.nio.file.attribute.FileTime stale = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofMinutes(10)));
    try (var files = Files.list(target)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(PART)).toList()) {
        if (Files.getLastModifiedTime(p).compareTo(stale) < 0) Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // harmless: a leftover temporary file is never read as data
    }
  }

  private static boolean isGood(Path file, DataFile which) {
    try {
      return Files.isRegularFile(file) && sha256(Files.readAllBytes(file)).equals(which.sha256);
    } catch (IOException e) {
      return false;
    }
  }

  /** Installs the first verified copy from $CAMLAB_DATA or the system folder; returns it, or null if there is none. */
  private static Path installFromLocalSources(Path dest, DataFile file, Consumer<String> log) {
    for (Path dir : searchPath().subList(1, searchPath().size())) {
      Path found = find(dir, file);
      if (found == null) continue;
      try (InputStream in = openMaybeGzipped(found)) {
        install(dest, file.sha256, in);
        return found;
      } catch (IOException e) {
        log.accept("skipped  " + found + " (" + e.getMessage() + ")");
      }
    }
    return null;
  }

  private static void download(Path dest, DataFile file) {
    String url = OFFICIAL_URL + file.fileName + ".gz";
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<InputStream> response = client.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode());
      try (InputStream in = new GZIPInputStream(response.body(), 1 << 16)) {
        install(dest, file.sha256, in);
      }
    } catch (IOException e) {
      throw new DatasetException(noSourceMessage(file, url, networkReason(e)), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatasetException(noSourceMessage(file, url, "interrupted"), e);
    }
  }

  /** Why a download failed, in words: the JDK's connection errors often carry no message, only a cause. */
  static String networkReason(IOException e) {
    String host = URI.create(OFFICIAL_URL).getHost();
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) chain.add(t);
    if (chain.stream().anyMatch(t -> t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException)) {
      return "cannot find " + host + ": no network, or no DNS";
    }
    if (chain.stream().anyMatch(t -> t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException)) {
      return "cannot connect to " + host + ": no network, or a firewall";
    }
    if (chain.stream().anyMatch(t -> t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException)) {
      return "no answer from " + host + " in time";
    }
    return chain.stream().map(Throwable::getMessage).filter(m -> m != null).findFirst()
        .orElse("no reason given (" + e.getClass().getSimpleName() + ")");
  }

  private static String noSourceMessage(DataFile file, String url, String why) {
    return "Could not obtain " + file.fileName + ": no verified local copy (looked in " + searchPath().subList(1, searchPath().size())
        + ") and downloading " + url + " failed (" + why + "). Install Debian's package (`sudo apt-get install"
        + " dataset-fashion-mnist`) or set CAMLAB_DATA to a folder holding the four files, then run `./camlab data` again.";
  }

  private static InputStream openMaybeGzipped(Path path) throws IOException {
    InputStream raw = Files.newInputStream(path);
    return path.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  private static final String PART = ".part";

  /**
   * Streams {@code source} into a temporary file beside {@code dest} while hashing it, and moves it onto
   * {@code dest} (atomically where the file system can) only if its SHA-256 is {@code expectedSha256}.
   * A source that breaks off, or delivers other bytes, leaves {@code dest} exactly as it was and no temporary file.
   *
   * @throws IOException saying what went wrong (the read error, or the checksum that did not match)
   */
  static void install(Path dest, String expectedSha256, InputStream source) throws IOException {
    Path tmp = Files.createTempFile(dest.getParent(), dest.getFileName().toString() + ".", PART);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
        source.transferTo(out);
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      if (!actual.equals(expectedSha256)) {
        throw new IOException("its SHA-256 is " + actual + ", expected " + expectedSha256 + " (truncated or altered)");
      }
      try {
        Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    } finally {
      Files.deleteIfExists(tmp);
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
