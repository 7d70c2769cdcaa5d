package camlab.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.explain.ActivationMaps;
import camlab.explain.Explainer;
import camlab.explain.Explainers;
import camlab.explain.MethodOptions;
import camlab.explain.Targets;
import camlab.model.Classifier;
import camlab.model.TorchScriptModels;
import camlab.util.AtomicFile;
import camlab.util.Devices;
import camlab.util.Npy;
import camlab.viz.Colormap;
import camlab.viz.Overlay;
import camlab.zoo.Zoo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * {@code camlab explain}: maps for a batch of inputs from one of our models or the user's TorchScript
 * model. Writes the raw maps (after the method's own ReLU, before normalisation and upsampling) as a
 * float32 {@code [B, h, w]} .npy file at the method's own resolution (the feature grid for the CAM family, the input
 * for pixel attributions), and optionally PNG overlays. A method's settings ({@code --steps}, {@code --samples},
 * {@code --seed}, {@code --patch}, {@code --stride}, {@code --masks}) are refused for a method that does not take them.
 *
 * <p>Everything the run needs is checked before the model is loaded: the options, the input's shape and type,
 * and that {@code --out} and {@code --overlay} can be written and are none of the inputs. A batch is explained
 * a chunk at a time (at most {@value #MAX_CHUNK_IMAGES} images and 64 MB of input each), so its size is bounded
 * by the disk, not the memory; results do not depend on the chunking, because every method explains each
 * image on its own.
 */
final class ExplainCommand implements Main.Command {
  static final long CHUNK_BYTES = 64L << 20;
  static final Set<String> VALUED = valued();
  static final int MAX_CHUNK_IMAGES = 256;
  /** One image larger than this is refused: explaining it needs several times its size for the activations. */
  static final long MAX_IMAGE_BYTES = 256L << 20;

  private final long chunkBytes;

  ExplainCommand() {
    this(CHUNK_BYTES);
  }

  /** @param chunkBytes input bytes explained at a time (tests make it small to exercise the chunking) */
  ExplainCommand(long chunkBytes) {
    this.chunkBytes = chunkBytes;
  }

  @Override
  public String summary() {
    return "maps for inputs: (--model NAME [--layer STAGE] | --features F.pt --head H.pt) --method M (--input x.npy | --image a.png,...)"
        + " [--class N | N1,N2,...] [--out maps.npy] [--overlay DIR] [--steps N --samples N --seed N --patch P --stride S --masks N,"
        + " for the methods that take them]";
  }

  @Override
  public int run(String[] argv) throws Exception {
    Args args = new Args("explain", argv,
        VALUED, Set.of());
    if (args.has("model") == (args.has("features") || args.has("head"))) {
      throw new Args.UsageException("give either --model NAME or both --features F.pt and --head H.pt.");
    }
    if (args.has("features") != args.has("head")) throw new Args.UsageException("--features and --head go together.");
    if (args.has("input") == args.has("image")) throw new Args.UsageException("give either --input x.npy or --image file.png[,file2.png].");
    if (args.has("input-shape") && !args.has("features")) {
      throw new Args.UsageException("--input-shape is for --features/--head models; a course model (--model) knows its input shape.");
    }
    Explainer method = Explainers.byName(args.get("method", "gradcam"), methodOptions(args));
    int[] classes = parseClasses(args.get("class"));
    Shape inputShape = args.has("input-shape") ? parseShape(args.get("input-shape")) : null;
    List<Path> images = args.has("image") ? Arrays.stream(args.get("image").split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(Path::of).toList() : List.of();
    Path out = args.getPath("out");
    Path overlay = args.getPath("overlay");
    Outputs files = new Outputs().reads("--input", args.getPath("input")).reads("--features", args.getPath("features"))
        .reads("--head", args.getPath("head"));
    images.forEach(image -> files.reads("--image", image));
    files.writesFile("--out", out).writesFolder("--overlay", overlay).check();

    try (ExplainInputs opened = open(args, images, classes);
        NDManager manager = NDManager.newBaseManager(Devices.parse(args.get("device")));
        Classifier model = load(args, opened, inputShape, manager, method.needsInputGradients())) {
      Classifier split = args.has("layer") ? model.splitAt(args.get("layer")) : model;
      method.checkApplicable(split);
      ExplainInputs inputs = opened instanceof ExplainInputs.ImageFiles imageFiles ? imageFiles.sizedFor(split.inputShape()) : opened;
      checkClassRange(classes, split.classNames().size());
      explain(manager, split, method, inputs, classes, out, overlay);
    }
    return 0;
  }

  private static Set<String> valued() {
    Set<String> valued = new java.util.HashSet<>(Set.of("model", "features", "head", "layer", "method", "input", "image", "input-shape", "class",
        "out", "overlay", "device"));
    for (MethodOptions.Option option : MethodOptions.Option.values()) valued.add(option.flag());
    return Set.copyOf(valued);
  }

  /**
   * The method's settings given on the command line ({@code --steps 64 --seed 7}), each a whole number at or above its
   * minimum; whether the chosen method takes them is checked by {@link Explainers#byName(String, MethodOptions)}.
   */
  static MethodOptions methodOptions(Args args) {
    return methodOptions(args, EnumSet.allOf(MethodOptions.Option.class));
  }

  /** {@link #methodOptions(Args)}, reading only the options in {@code read}. */
  static MethodOptions methodOptions(Args args, Set<MethodOptions.Option> read) {
    MethodOptions options = MethodOptions.none();
    for (MethodOptions.Option option : read) {
      if (!args.has(option.flag())) continue;
      long value = option == MethodOptions.Option.SEED ? args.getLong(option.flag(), 0, 0, Long.MAX_VALUE)
          : args.getInt(option.flag(), 0, (int) option.min(), Integer.MAX_VALUE);
      options = options.with(option, value);
    }
    return options;
  }

  /** The inputs, checked against what the run needs before any model is loaded. */
  private static ExplainInputs open(Args args, List<Path> images, int[] classes) throws IOException {
    ExplainInputs opened = args.has("input") ? ExplainInputs.ofNpy(args.getPath("input")) : ExplainInputs.ofImages(images);
    try {
      if (opened.imageShape() != null) checkImageSize(opened);
      if (classes.length > 1 && classes.length != opened.count()) {
        throw new Args.UsageException("Batch/target mismatch: " + opened.count() + " images but " + classes.length + " target classes."
            + " Give one class per image, a single class for all, or none for top-1.");
      }
      return opened;
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  /** A course model (trained or loaded from the cache), or the user's TorchScript parts for the inputs' image shape. */
  private static Classifier load(Args args, ExplainInputs inputs, Shape inputShape, NDManager manager, boolean inputGradients) throws Exception {
    if (args.has("model")) return Zoo.load(args.get("model"), manager.getDevice()).classifier(); // its record is not needed here
    Shape shape = inputs.imageShape() != null ? inputs.imageShape() : inputShape != null ? inputShape : new Shape(3, 224, 224);
    return TorchScriptModels.load(args.getPath("features"), args.getPath("head"), shape, null, manager.getDevice(), inputGradients);
  }

  /** Explains the inputs chunk by chunk, writing the overlays of each chunk as it goes and the maps at the end. */
  private void explain(NDManager manager, Classifier split, Explainer method, ExplainInputs inputs, int[] classes, Path out, Path overlay)
      throws IOException {
    long n = inputs.count();
    Shape image = inputs.imageShape();
    long imageBytes = checkImageSize(inputs);
    int chunk = (int) Math.max(1, Math.min(Math.min(n, MAX_CHUNK_IMAGES), chunkBytes / imageBytes));
    long chunks = (n + chunk - 1) / chunk;
    if (chunks > 1) {
      System.out.printf("%s: %d images of %s, %s as float32; explaining them %d at a time (%d chunks) so that memory stays bounded.%n",
          inputs.describe(), n, image, size(n * imageBytes), chunk, chunks);
    }
    float[] pictureRange = overlay != null && chunks > 1 ? pictureRange(manager, inputs, chunk) : null;
    float[] maps = null;
    int[] explained = new int[Math.toIntExact(n)];
    long h = 0;
    long w = 0;
    String name = method.name();
    int overlays = 0;
    for (long from = 0; from < n; from += chunk) {
      long to = Math.min(n, from + chunk);
      try (NDManager scope = manager.newSubManager()) {
        NDArray x = inputs.read(scope, from, to);
        ActivationMaps result = method.explain(split, x, targets(classes, from, to));
        if (maps == null) {
          h = result.maps().getShape().get(1);
          w = result.maps().getShape().get(2);
          maps = new float[Math.toIntExact(Math.multiplyExact(n, h * w))];
          name = result.method();
        }
        System.arraycopy(result.maps().toFloatArray(), 0, maps, Math.toIntExact(from * h * w), Math.toIntExact((to - from) * h * w));
        System.arraycopy(result.classes(), 0, explained, (int) from, (int) (to - from));
        if (overlay != null) overlays += writeOverlays(overlay, x, result, split.classNames(), from, pictureRange);
      }
    }
    System.out.printf("%s maps %s for classes %s (model %s, %s)%n", name, new Shape(n, h, w), Arrays.toString(explained),
        split.architecture(), method.needsInputGradients() ? "attributing the input's pixels" : "target layer " + split.targetLayer());
    if (overlay != null) System.out.println("Wrote " + overlays + " overlays to " + overlay.toAbsolutePath());
    if (out != null) {
      Npy.writeFloat32(out, maps, n, h, w);
      System.out.println("Wrote " + out.toAbsolutePath());
    }
  }

  /** The bytes of one input image as float32, refusing one too large to explain. */
  private static long checkImageSize(ExplainInputs inputs) {
    long imageBytes = 4 * inputs.imageShape().size();
    if (imageBytes > MAX_IMAGE_BYTES) {
      throw new Args.UsageException(inputs.describe() + ": one image of " + inputs.imageShape() + " takes " + size(imageBytes) + " as float32,"
          + " and explaining it needs several times that for the activations. Resize the images to the size the model was trained on"
          + " (e.g. 3 x 224 x 224).");
    }
    return imageBytes;
  }

  /** The classes of images {@code [from, to)}: a per-image list is sliced; one class or none (top-1) applies to every chunk. */
  private static Targets targets(int[] classes, long from, long to) {
    return classes.length > 1 ? Targets.perImage(Arrays.copyOfRange(classes, (int) from, (int) to)) : Targets.of(classes);
  }

  private static void checkClassRange(int[] classes, int numClasses) {
    for (int i = 0; i < classes.length; i++) {
      if (classes[i] < 0 || classes[i] >= numClasses) {
        throw new IllegalArgumentException("Class index " + classes[i] + " (image " + i + ") is out of range: the model has " + numClasses
            + " classes, so use 0.." + (numClasses - 1) + ".");
      }
    }
  }

  /** "2.47 GB". */
  static String size(long bytes) {
    return bytes >= 1L << 30 ? String.format("%.2f GB", bytes / (double) (1L << 30)) : String.format("%.0f MB", Math.max(1, bytes / (double) (1L << 20)));
  }

  static int[] parseClasses(String text) {
    if (text == null || text.isBlank()) return new int[0];
    try {
      return Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new Args.UsageException("--class takes a class index or a comma-separated list of indices; got '" + text + "'.");
    }
  }

  private static Shape parseShape(String text) {
    long[] dims;
    try {
      dims = Arrays.stream(text.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
    } catch (NumberFormatException e) {
      dims = new long[0];
    }
    if (dims.length != 3 || Arrays.stream(dims).anyMatch(d -> d < 1 || d > 100_000)) {
      throw new Args.UsageException("--input-shape is C,H,W, three sizes of at least 1 (e.g. 3,224,224); got '" + text + "'.");
    }
    return new Shape(dims);
  }

  /** The smallest and largest grey value (mean over channels) of the whole batch, so every chunk's overlays share one scale. */
  private static float[] pictureRange(NDManager manager, ExplainInputs inputs, int chunk) throws IOException {
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (long from = 0; from < inputs.count(); from += chunk) {
      try (NDManager scope = manager.newSubManager()) {
        NDArray grey = inputs.read(scope, from, Math.min(inputs.count(), from + chunk)).mean(new int[] {1});
        lo = Math.min(lo, grey.min().getFloat());
        hi = Math.max(hi, grey.max().getFloat());
      }
    }
    return new float[] {lo, hi};
  }

  /**
   * One PNG per image, each written atomically: a full disk or a read-only folder leaves no empty or partial
   * picture. The grey picture is scaled by {@code range} (the whole batch's), or by this chunk's when null.
   */
  private static int writeOverlays(Path dir, NDArray inputs, ActivationMaps maps, List<String> classNames, long first, float[] range)
      throws IOException {
    int h = (int) inputs.getShape().get(2);
    int w = (int) inputs.getShape().get(3);
    int scale = Math.max(1, 256 / Math.max(h, w));
    float[][] upsampled = maps.upsampleThenNormalize(h, w, ActivationMaps.Normalization.MIN_MAX).flatMaps();
    NDArray grey = inputs.mean(new int[] {1});
    float lo = range != null ? range[0] : grey.min().getFloat();
    float spread = Math.max(1e-12f, (range != null ? range[1] : grey.max().getFloat()) - lo);
    float[] picture = grey.sub(lo).div(spread).toFloatArray();
    for (int b = 0; b < upsampled.length; b++) {
      float[] image = Arrays.copyOfRange(picture, b * h * w, (b + 1) * h * w);
      Path file = dir.resolve(String.format("%03d-%s-%s.png", first + b, maps.method(),
          classNames.get(maps.classes()[b]).replaceAll("[^A-Za-z0-9]+", "_")));
      java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
      ImageIO.write(Overlay.heat(image, upsampled[b], h, w, scale, 0.5f, Colormap.JET), "png", png); // in memory: a disk error names itself below
      AtomicFile.writeBytes(file, png.toByteArray());
    }
    return upsampled.length;
  }
}
