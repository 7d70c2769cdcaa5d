package camlab.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import camlab.explain.ActivationMaps;
import camlab.explain.Explainer;
import camlab.explain.Explainers;
import camlab.explain.Targets;
import camlab.model.Classifier;
import camlab.model.ModelCache;
import camlab.model.TorchScriptModels;
import camlab.model.Zoo;
import camlab.util.Devices;
import camlab.util.Npy;
import camlab.viz.Colormap;
import camlab.viz.Overlay;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * {@code camlab explain}: maps for a batch of inputs from one of our models or the user's TorchScript
 * model. Writes the raw maps (after the method's own ReLU, before normalisation and upsampling) as a
 * float32 {@code [B, h, w]} .npy file, and optionally PNG overlays.
 */
final class ExplainCommand implements Main.Command {
  @Override
  public String summary() {
    return "maps for inputs: (--model NAME [--layer STAGE] | --features F.pt --head H.pt) --method M (--input x.npy | --image a.png,...)"
        + " [--class N | N1,N2,...] [--out maps.npy] [--overlay DIR]";
  }

  @Override
  public int run(String[] argv) throws Exception {
    Args args = new Args("explain", argv,
        Set.of("model", "features", "head", "layer", "method", "input", "image", "input-shape", "class", "out", "overlay", "device"), Set.of());
    if (args.has("model") == (args.has("features") || args.has("head"))) {
      throw new Args.UsageException("give either --model NAME or both --features F.pt and --head H.pt.");
    }
    if (args.has("features") != args.has("head")) throw new Args.UsageException("--features and --head go together.");
    if (args.has("input") == args.has("image")) throw new Args.UsageException("give either --input x.npy or --image file.png[,file2.png].");
    Explainer method = Explainers.byName(args.get("method", "gradcam"));
    Targets targets = Targets.of(parseClasses(args.get("class")));

    try (NDManager manager = NDManager.newBaseManager(Devices.parse(args.get("device")))) {
      NDArray inputs = args.has("input") ? readNpy(manager, Path.of(args.get("input"))) : null;
      ModelCache.Trained trained = null;
      Classifier model;
      if (args.has("model")) {
        trained = Zoo.load(args.get("model"), manager.getDevice());
        model = trained.classifier();
      } else {
        Shape inputShape = inputs != null ? inputs.getShape().slice(1) : parseShape(args.get("input-shape", "3,224,224"));
        model = TorchScriptModels.load(Path.of(args.get("features")), Path.of(args.get("head")), inputShape, null, manager.getDevice());
      }
      try {
        Classifier split = args.has("layer") ? model.splitAt(args.get("layer")) : model;
        if (inputs == null) inputs = readImages(manager, args.get("image"), split.inputShape());
        ActivationMaps maps = method.explain(split, inputs, targets);
        System.out.printf("%s maps %s for classes %s (model %s, target layer %s)%n", maps.method(), maps.maps().getShape(),
            Arrays.toString(maps.classes()), split.architecture(), split.targetLayer());
        if (args.has("out")) {
          Path out = Path.of(args.get("out"));
          Npy.write(out, maps.maps());
          System.out.println("Wrote " + out.toAbsolutePath());
        }
        if (args.has("overlay")) writeOverlays(Path.of(args.get("overlay")), inputs, maps, split.classNames());
      } finally {
        if (trained != null) trained.close();
        else model.close();
      }
    }
    return 0;
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
    try {
      long[] dims = Arrays.stream(text.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
      if (dims.length != 3) throw new NumberFormatException();
      return new Shape(dims);
    } catch (NumberFormatException e) {
      throw new Args.UsageException("--input-shape is C,H,W (e.g. 3,224,224); got '" + text + "'.");
    }
  }

  private static NDArray readNpy(NDManager manager, Path file) {
    NDArray x;
    try {
      x = Npy.read(manager, file);
    } catch (IOException e) {
      throw new Args.UsageException(e.getMessage());
    }
    if (x.getShape().dimension() != 4) {
      throw new Args.UsageException(file + " has shape " + x.getShape() + "; --input needs a float32 batch [N, C, H, W].");
    }
    if (x.getDataType() != DataType.FLOAT32) {
      throw new Args.UsageException(file + " holds " + x.getDataType() + "; --input needs float32 (numpy: x.astype(np.float32)).");
    }
    return x;
  }

  /** PNG/JPEG files, resized to H×W (bilinear), grey or RGB to match C, scaled to [0, 1]. */
  private static NDArray readImages(NDManager manager, String list, Shape inputShape) {
    List<String> files = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    int c = (int) inputShape.get(0);
    int h = (int) inputShape.get(1);
    int w = (int) inputShape.get(2);
    if (c != 1 && c != 3) throw new Args.UsageException("--image works for models with 1 or 3 input channels; this one has " + c + ". Use --input.");
    float[] data = new float[files.size() * c * h * w];
    for (int i = 0; i < files.size(); i++) {
      BufferedImage image;
      try {
        image = ImageIO.read(Path.of(files.get(i)).toFile());
      } catch (IOException e) {
        image = null;
      }
      if (image == null) throw new Args.UsageException("cannot read " + files.get(i) + " as an image (PNG, JPEG, GIF or BMP).");
      BufferedImage resized = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = resized.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, w, h, null);
      g.dispose();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int rgb = resized.getRGB(x, y);
          float r = ((rgb >> 16) & 0xff) / 255f;
          float gr = ((rgb >> 8) & 0xff) / 255f;
          float b = (rgb & 0xff) / 255f;
          int base = i * c * h * w + y * w + x;
          if (c == 1) {
            data[base] = 0.299f * r + 0.587f * gr + 0.114f * b;
          } else {
            data[base] = r;
            data[base + h * w] = gr;
            data[base + 2 * h * w] = b;
          }
        }
      }
    }
    return manager.create(data, new Shape(files.size(), c, h, w));
  }

  private static void writeOverlays(Path dir, NDArray inputs, ActivationMaps maps, List<String> classNames) throws IOException {
    Files.createDirectories(dir);
    int h = (int) inputs.getShape().get(2);
    int w = (int) inputs.getShape().get(3);
    int scale = Math.max(1, 256 / Math.max(h, w));
    float[][] upsampled = maps.upsampleThenNormalize(h, w, ActivationMaps.Normalization.MIN_MAX).flatMaps();
    NDArray grey = inputs.mean(new int[] {1});
    NDArray lo = grey.min();
    NDArray range = grey.max().sub(lo).maximum(1e-12f);
    float[] picture = grey.sub(lo).div(range).toFloatArray();
    for (int b = 0; b < upsampled.length; b++) {
      float[] image = Arrays.copyOfRange(picture, b * h * w, (b + 1) * h * w);
      float[] map = upsampled[b];
      Path file = dir.resolve(String.format("%03d-%s-%s.png", b, maps.method(), classNames.get(maps.classes()[b]).replaceAll("[^A-Za-z0-9]+", "_")));
      ImageIO.write(Overlay.heat(image, map, h, w, scale, 0.5f, Colormap.JET), "png", file.toFile());
    }
    System.out.println("Wrote " + upsampled.length + " overlays to " + dir.toAbsolutePath());
  }
}
