package camlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import camlab.TestDevice;
import camlab.util.Npy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on the user's own TorchScript model: maps out (from any .npy byte order or memory order, in one
 * piece or in chunks), bad input as one line with exit code 2, and no output that could destroy a file.
 */
@Tag(TestDevice.ENGINE)
class ExplainCommandTest {
  private static final Path GAP = Path.of("src/test/resources/torchscript/gap");
  private static final Path NPY = Path.of("src/test/resources/npy");
  @TempDir Path tmp;

  private record Outcome(int code, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, err.toString(StandardCharsets.UTF_8));
  }

  private static String[] explain(String... extra) {
    List<String> a = new ArrayList<>(List.of("explain", "--features", GAP.resolve("features.pt").toString(), "--head",
        GAP.resolve("head.pt").toString(), "--device", TestDevice.name()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static void assertBadInput(Outcome o, String expected) {
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains(expected), o.err());
    assertEquals(1, o.err().strip().lines().count(), "one line, no stack trace: " + o.err());
  }

  @Test
  void writesTheRawMapsAsFloat32Npy() throws Exception {
    Path out = tmp.resolve("maps.npy");
    Outcome o = run(explain("--method", "gradcam", "--input", GAP.resolve("x.npy").toString(), "--class", "4,0,2,1", "--out", out.toString(),
        "--overlay", tmp.resolve("overlays").toString()));
    assertEquals(0, o.code(), o.err());
    try (NDManager m = TestDevice.manager()) {
      NDArray ours = Npy.read(m, out);
      NDArray reference = Npy.read(m, GAP.resolve("ref-gradcam-classes.npy"));
      assertEquals(reference.getShape(), ours.getShape());
      assertArrayEquals(reference.toFloatArray(), ours.toFloatArray(), 1e-4f * reference.abs().max().getFloat());
    }
    try (var files = Files.list(tmp.resolve("overlays"))) {
      assertEquals(4, files.count());
    }
  }

  @Test
  void badInputIsOneLineAndExitCode2() throws Exception {
    Path rank3 = tmp.resolve("rank3.npy");
    Npy.writeFloat32(rank3, new float[3 * 32 * 32], 3, 32, 32);
    assertBadInput(run(explain("--input", rank3.toString())), "needs a float32 batch [N, C, H, W]");

    Path channels = tmp.resolve("five-channels.npy");
    Npy.writeFloat32(channels, new float[5 * 32 * 32], 1, 5, 32, 32);
    assertBadInput(run(explain("--input", channels.toString())), "features.pt does not accept");

    Path float64 = tmp.resolve("float64.npy");
    writeFloat64Npy(float64, 1, 3, 32, 32);
    assertBadInput(run(explain("--input", float64.toString())), "holds float64; --input needs float32 (numpy: x.astype(np.float32))");

    assertBadInput(run(explain("--input", tmp.resolve("missing.npy").toString())), "cannot read");
    Path text = tmp.resolve("not.npy");
    Files.writeString(text, "hello, not numpy");
    assertBadInput(run(explain("--input", text.toString())), "not a NumPy .npy file");

    Path broken = tmp.resolve("broken.png");
    Files.writeString(broken, "not a picture");
    assertBadInput(run(explain("--input-shape", "3,32,32", "--image", broken.toString())), "cannot read " + broken + " as an image");

    String x = GAP.resolve("x.npy").toString();
    assertBadInput(run(explain("--input", x, "--class", "7")), "out of range");
    assertBadInput(run(explain("--input", x, "--class", "1,2")), "Batch/target mismatch");
    assertBadInput(run(explain("--input", x, "--class", "shirt")), "--class takes a class index or a comma-separated list of indices; got 'shirt'");
    assertBadInput(run(explain("--input", x, "--class", "-1")), "Class index -1 (image 0) is out of range");
    assertBadInput(run(explain("--input", x, "--method", "nope")), "Unknown method 'nope'");
    int missing = ai.djl.engine.Engine.getInstance().getGpuCount(); // one past the last GPU
    assertBadInput(run("explain", "--features", GAP.resolve("features.pt").toString(), "--head", GAP.resolve("head.pt").toString(),
        "--input", x, "--device", "gpu:" + missing), "GPU " + missing + " was requested");
    assertBadInput(run("explain", "--features", tmp.resolve("none.pt").toString(), "--head", GAP.resolve("head.pt").toString(),
        "--input", x), "does not exist");
    assertBadInput(run("explain", "--model", "gap-cnn", "--features", "f.pt", "--head", "h.pt", "--input", x), "either --model");
    assertBadInput(run("explain", "--model", "resnet50", "--input", x), "Unknown architecture 'resnet50'; choose one of [gap-cnn, fc-cnn");
    assertBadInput(run(explain("--input", x, "--layer", "conv3")), "has no stage 'conv3'; its stages are [features]");
    Path truncated = tmp.resolve("truncated.pt");
    byte[] head = Files.readAllBytes(GAP.resolve("head.pt"));
    Files.write(truncated, java.util.Arrays.copyOf(head, head.length / 3));
    assertBadInput(run("explain", "--features", GAP.resolve("features.pt").toString(), "--head", truncated.toString(), "--input", x),
        "Cannot load " + truncated + " as a TorchScript module");
  }

  /** A zero-filled little-endian float64 .npy file (NumPy's format 1.0), the dtype numpy.save gives by default. */
  private static void writeFloat64Npy(Path file, int... shape) throws java.io.IOException {
    String dims = java.util.Arrays.stream(shape).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(", "));
    StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }");
    while ((10 + header.length() + 1) % 64 != 0) header.append(' ');
    header.append('\n');
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
    out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(new byte[8 * java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)]);
    Files.write(file, out.toByteArray());
  }

  @Test
  void camOnAHeadThatIsNotGapPlusLinearSaysWhy() {
    Path fc = Path.of("src/test/resources/torchscript/fc");
    Outcome o = run("explain", "--features", fc.resolve("features.pt").toString(), "--head", fc.resolve("head.pt").toString(),
        "--method", "cam", "--input", fc.resolve("x.npy").toString());
    assertBadInput(o, "Use Grad-CAM");
  }

  @Test
  void unknownCommandsAndOptionsAreExitCode2() {
    assertBadInput(run("frobnicate"), "unknown command 'frobnicate'. Commands: notebook, hub-setup, data, demo, explain");
    assertBadInput(run("demo", "--nope"), "Unknown option --nope for 'demo'. It accepts: ");
    assertBadInput(run("demo", "--examples", "many"), "--examples must be a whole number from 0 to 10000; got 'many'");
    assertEquals(0, Main.run(new String[] {"help"}, new PrintStream(new ByteArrayOutputStream()), System.err));
  }

  @Test
  void inputAttributionsComeOutAtTheInputsResolutionAndTakeTheirOptions() throws Exception {
    Path out = tmp.resolve("ig.npy");
    Outcome o = run(explain("--method", "integrated-gradients", "--steps", "32", "--input", GAP.resolve("x.npy").toString(), "--class", "4,0,2,1",
        "--out", out.toString(), "--overlay", tmp.resolve("overlays").toString()));
    assertEquals(0, o.code(), o.err());
    try (NDManager m = TestDevice.manager()) {
      NDArray ours = Npy.read(m, out);
      NDArray reference = Npy.read(m, GAP.resolve("ref-integrated-gradients-classes.npy"));
      assertEquals(new ai.djl.ndarray.types.Shape(4, 32, 32), ours.getShape());
      assertArrayEquals(reference.toFloatArray(), ours.toFloatArray(), 1e-4f * reference.abs().max().getFloat());
    }
    try (var files = Files.list(tmp.resolve("overlays"))) {
      assertEquals(4, files.count());
    }
    Path steps = tmp.resolve("ig-8.npy");
    assertEquals(0, run(explain("--method", "integrated-gradients", "--steps", "8", "--input", GAP.resolve("x.npy").toString(), "--out",
        steps.toString())).code());
    assertTrue(!java.util.Arrays.equals(maps(out), maps(steps)), "--steps reaches the method");
    assertBadInput(run(explain("--method", "smoothgrad", "--samples", "0", "--input", GAP.resolve("x.npy").toString())),
        "--samples must be 1 or more; got 0.");
  }

  @Test
  void methodOptionsAreCheckedAgainstTheMethodBeforeTheModelLoads() {
    String x = GAP.resolve("x.npy").toString();
    assertBadInput(run(explain("--method", "gradcam", "--steps", "8", "--input", x)), "--steps does not apply to gradcam, which takes no options");
    assertBadInput(run(explain("--method", "gradcam", "--steps", "0", "--input", x)), "--steps must be 1 or more; got 0.");
    assertBadInput(run(explain("--method", "gradcam", "--seed", "-1", "--input", x)), "--seed must be from 0 to");
    assertBadInput(run("explain", "--model", "no-such-model", "--method", "cam", "--samples", "4", "--input", x),
        "--samples does not apply to cam");
  }

  private static float[] maps(Path file) throws java.io.IOException {
    try (NDManager m = TestDevice.manager()) {
      return Npy.read(m, file).toFloatArray();
    }
  }

  @Test
  void bigEndianAndFortranOrderInputsGiveTheSameMapsAsLittleEndian() throws Exception {
    // the same two images, written by NumPy three ways (make_fixtures.py)
    float[] reference = null;
    for (String name : List.of("x2-little.npy", "x2-big.npy", "x2-fortran.npy")) {
      Path out = tmp.resolve("maps-" + name);
      Outcome o = run(explain("--method", "gradcam", "--class", "4", "--input", NPY.resolve(name).toString(), "--out", out.toString()));
      assertEquals(0, o.code(), o.err());
      float[] maps = maps(out);
      if (reference == null) reference = maps;
      else assertArrayEquals(reference, maps, 0f, name);
    }
    try (NDManager m = TestDevice.manager()) {
      float[] whole = Npy.read(m, GAP.resolve("ref-gradcam-classes.npy")).toFloatArray(); // image 0 explained for class 4
      assertArrayEquals(java.util.Arrays.copyOf(whole, 16 * 16), java.util.Arrays.copyOf(reference, 16 * 16), 1e-4f * 16);
    }
  }

  @Test
  void outputsThatWouldDestroyAnInputAreRefusedBeforeAnyWork() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("in"));
    for (String f : List.of("features.pt", "head.pt", "x.npy")) Files.copy(GAP.resolve(f), dir.resolve(f));
    byte[] x = Files.readAllBytes(dir.resolve("x.npy"));
    byte[] features = Files.readAllBytes(dir.resolve("features.pt"));
    String[] base = {"explain", "--features", dir.resolve("features.pt").toString(), "--head", dir.resolve("head.pt").toString(),
        "--input", dir.resolve("x.npy").toString()};
    assertBadInput(run(with(base, "--out", dir.resolve("x.npy").toString())),
        "--out " + dir.resolve("x.npy") + " is the --input file: writing there would destroy it. Give another file name.");
    assertBadInput(run(with(base, "--out", dir.resolve("sub/../x.npy").toString())), "is the --input file");
    Path link = Files.createSymbolicLink(tmp.resolve("link.npy"), dir.resolve("x.npy"));
    assertBadInput(run(with(base, "--out", link.toString())), "is the --input file");
    assertBadInput(run(with(base, "--out", dir.resolve("features.pt").toString())), "is the --features file");
    assertBadInput(run(with(base, "--overlay", dir.resolve("x.npy").toString())), "is the --input file, not a folder");
    assertArrayEquals(x, Files.readAllBytes(dir.resolve("x.npy")));
    assertArrayEquals(features, Files.readAllBytes(dir.resolve("features.pt")));
    try (var files = Files.list(dir)) {
      assertEquals(3, files.count(), "nothing was written");
    }
  }

  private static String[] with(String[] base, String... more) {
    List<String> all = new ArrayList<>(List.of(base));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void outputLocationsThatCannotBeWrittenAreRefusedBeforeTheModelLoads() throws Exception {
    Path afile = Files.writeString(tmp.resolve("afile"), "in the way");
    String x = GAP.resolve("x.npy").toString();
    // a features file that does not exist: the output check must come first
    String[] noModel = {"explain", "--features", tmp.resolve("none.pt").toString(), "--head", GAP.resolve("head.pt").toString(), "--input", x};
    assertBadInput(run(with(noModel, "--out", afile.resolve("maps.npy").toString())),
        "--out: Cannot write " + afile.resolve("maps.npy") + ": " + afile + " is a file, not a folder. Choose a location you can write to.");
    assertBadInput(run(with(noModel, "--out", tmp.toString())), "it is a folder; give a file name inside it");
    assertBadInput(run(with(noModel, "--overlay", afile.resolve("overlays").toString())), "--overlay: Cannot write into");
  }

  @Test
  void aBatchIsExplainedInChunksWithTheSameMapsAndOverlays() throws Exception {
    Path out = tmp.resolve("chunked.npy");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int code;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // one image of 3 x 32 x 32 float32 per chunk
      String[] argv = explain("--method", "gradcam", "--input", GAP.resolve("x.npy").toString(), "--class", "4,0,2,1", "--out", out.toString(),
          "--overlay", tmp.resolve("overlays").toString());
      code = Main.run("explain", new ExplainCommand(3 * 32 * 32 * 4), java.util.Arrays.copyOfRange(argv, 1, argv.length),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
    }
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("4 images of (3, 32, 32), 1 MB as float32; explaining them 1 at a time (4 chunks)"),
        printed.toString(StandardCharsets.UTF_8));
    try (NDManager m = TestDevice.manager()) {
      NDArray reference = Npy.read(m, GAP.resolve("ref-gradcam-classes.npy"));
      assertArrayEquals(reference.toFloatArray(), maps(out), 1e-4f * reference.abs().max().getFloat());
    }
    try (var files = Files.list(tmp.resolve("overlays"))) {
      assertEquals(List.of("000-gradcam-class_4.png", "001-gradcam-class_0.png", "002-gradcam-class_2.png", "003-gradcam-class_1.png"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void anImageTooLargeToExplainIsRefusedBeforeTheModelLoads() throws Exception {
    // a header for one 3 x 20000 x 20000 float32 image (4.5 GB) over a sparse file: nothing is read
    Path huge = tmp.resolve("huge.npy");
    Npy.writeFloat32(huge, new float[0], 0, 3, 20000, 20000);
    byte[] header = Files.readAllBytes(huge);
    String text = new String(header, StandardCharsets.ISO_8859_1).replace("(0, 3, 20000, 20000)", "(1, 3, 20000, 20000)");
    Files.write(huge, text.getBytes(StandardCharsets.ISO_8859_1));
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(header.length + 4L * 3 * 20000 * 20000);
    }
    assertBadInput(run("explain", "--features", tmp.resolve("none.pt").toString(), "--head", GAP.resolve("head.pt").toString(),
        "--input", huge.toString()), "one image of (3, 20000, 20000) takes 4.47 GB as float32");
  }

  @Test
  void featuresAndHeadSwappedAreNamed() {
    Path features = GAP.resolve("features.pt");
    Path head = GAP.resolve("head.pt");
    assertBadInput(run("explain", "--features", head.toString(), "--head", features.toString(), "--input", GAP.resolve("x.npy").toString()),
        "The features " + head + " and the head " + features + " look swapped: " + features + " accepts the images and " + head
            + " its output. Pass them the other way round (--features " + features + " --head " + head + ").");
  }

  @Test
  void perturbationAndGuidedMethodsRefuseWhatCannotWorkWithExitCode2() throws Exception {
    String x = GAP.resolve("x.npy").toString(); // 4 images 3×32×32
    assertBadInput(run(explain("--method", "occlusion", "--patch", "40", "--input", x)), "The occlusion patch (40×40) is larger than the 32×32 image");
    assertBadInput(run(explain("--method", "rise", "--masks", "0", "--input", x)), "--masks must be 1 or more; got 0.");
    assertBadInput(run(explain("--method", "occlusion", "--masks", "10", "--input", x)), "--masks does not apply to occlusion");
    assertBadInput(run(explain("--method", "guided-backprop", "--patch", "4", "--input", x)), "--patch does not apply to guided-backprop");
    assertBadInput(run(explain("--method", "guided-backprop", "--input", x)),
        "Guided Backprop is not supported for the torchscript model because a TorchScript model runs as two opaque modules");
    Path out = tmp.resolve("occlusion.npy");
    assertEquals(0, run(explain("--method", "occlusion", "--patch", "8", "--stride", "8", "--input", x, "--out", out.toString())).code());
    try (NDManager m = TestDevice.manager()) {
      assertEquals(new ai.djl.ndarray.types.Shape(4, 32, 32), Npy.read(m, out).getShape(), "input resolution");
    }
  }
}
