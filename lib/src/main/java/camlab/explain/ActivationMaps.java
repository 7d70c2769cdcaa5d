package camlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import camlab.ops.MapOps;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;

/**
 * The result of every explainer: one map per image for its target class, plus the classes and the
 * logits that produced them.
 *
 * <p>{@link #maps()} starts as the method's raw output {@code [B, h, w]} at its own resolution — the feature grid for
 * the CAM family, the input's {@code H × W} for the methods that attribute pixels — after the method's own ReLU, if it
 * has one (CAM has none). Upsampling a map to the size it already has leaves it as it is, so every pipeline below
 * works for both kinds. Post-processing is explicit and ordered — call
 * {@link #relu()}, {@link #normalize}, {@link #upsample} in the order you want; {@link #steps()} records
 * it. Common pipelines: {@code upsample(H, W).normalize(MIN_MAX)} (wsolevaluation: resize, then
 * normalise; {@link #upsampleThenNormalize} does both at once) or {@code normalize(MIN_MAX).upsample(H, W)}
 * (the CAM demo).
 *
 * <p>Memory: all arrays belong to the manager of the images that were explained (or of the maps, for
 * each step's result). Close that manager to free them; arrays stay on the device they were computed on.
 */
public final class ActivationMaps {
  /** How a map is scaled into [0, 1]. */
  public enum Normalization {
    /** (M − min) / (max − min); a constant map becomes zeros. */
    MIN_MAX,
    /** M / max for non-negative maps; a map with max ≤ 0 becomes zeros. */
    MAX
  }

  /** How a map is brought to the input resolution. */
  public enum Interpolation {
    /** Bilinear, half-pixel centres (Grad-CAM paper, CAM PyTorch demo). */
    BILINEAR,
    /** Bicubic, re-normalised onto the input map's value range (wsolevaluation). */
    BICUBIC
  }

  private final String method;
  private final NDArray maps;
  private final int[] classes;
  private final NDArray logits;
  private final Step lastStep; // null for raw maps

  /**
   * One post-processing step, linked to the one before: adding a step copies no list, and the names are only made
   * when {@link #steps()} asks, so a pipeline of steps costs no string building or copying on the hot path.
   */
  private record Step(Step previous, String name, int height, int width) {
    String describe() {
      return height == 0 ? name : name + " " + height + "x" + width;
    }
  }

  /**
   * @param method the name of the explainer, e.g. "cam"
   * @param maps [B, h, w] float32
   * @param classes the class each map explains, length B
   * @param logits [B, C] pre-softmax scores of the same batch
   */
  public ActivationMaps(String method, NDArray maps, int[] classes, NDArray logits) {
    this(method, maps, classes.clone(), logits, null);
  }

  private ActivationMaps(String method, NDArray maps, int[] classes, NDArray logits, Step lastStep) {
    if (maps.getShape().dimension() != 3) {
      throw new IllegalArgumentException("maps must be [batch, height, width]; got " + maps.getShape());
    }
    if (classes.length != maps.getShape().get(0)) {
      throw new IllegalArgumentException(classes.length + " classes for " + maps.getShape().get(0) + " maps");
    }
    this.method = method;
    this.maps = maps;
    this.classes = classes; // never written: the public constructor copies, every step shares
    this.logits = logits;
    this.lastStep = lastStep;
  }

  private ActivationMaps next(NDArray newMaps, String step) {
    return next(newMaps, new Step(lastStep, step, 0, 0));
  }

  private ActivationMaps next(NDArray newMaps, Step step) {
    return new ActivationMaps(method, newMaps, classes, logits, step);
  }

  /** ReLU(M): keep positive evidence only. */
  public ActivationMaps relu() {
    return next(MapOps.relu(maps), "relu");
  }

  /** Scale each map into [0, 1]; see {@link Normalization}. */
  public ActivationMaps normalize(Normalization normalization) {
    return switch (normalization) {
      case MIN_MAX -> next(MapOps.minMaxNormalize(maps), "min-max");
      case MAX -> next(MapOps.maxNormalize(maps), "divide-by-max");
    };
  }

  /** Bilinear upsampling to {@code height × width} (the maps themselves when they already have that size). */
  public ActivationMaps upsample(int height, int width) {
    return upsample(height, width, Interpolation.BILINEAR);
  }

  /** Upsampling to {@code height × width} with the given interpolation. */
  public ActivationMaps upsample(int height, int width, Interpolation interpolation) {
    if (height == height() && width == width()) return this; // already at that size: interpolation would only round
    return switch (interpolation) {
      case BILINEAR -> next(MapOps.upsampleBilinear(maps, height, width), new Step(lastStep, "bilinear", height, width));
      case BICUBIC -> next(MapOps.upsampleBicubic(maps, height, width), new Step(lastStep, "bicubic", height, width));
    };
  }

  /**
   * {@code upsample(height, width).normalize(normalization)} (bilinear; wsolevaluation's order), the same maps bit for
   * bit. Bilinear then min–max on a small batch of CPU maps runs as one pass in Java, which costs one trip to the
   * engine rather than two.
   */
  public ActivationMaps upsampleThenNormalize(int height, int width, Normalization normalization) {
    if (normalization != Normalization.MIN_MAX || (height == height() && width == width())) {
      return upsample(height, width).normalize(normalization);
    }
    Step upsampled = new Step(lastStep, "bilinear", height, width);
    return next(MapOps.upsampleBilinearThenMinMax(maps, height, width), new Step(upsampled, "min-max", 0, 0));
  }

  /**
   * The maps as the metrics take them, the way wsolevaluation makes them: {@code upsample(height, width, BICUBIC)}
   * then {@code normalize(MIN_MAX)}, copied to the host. The intermediate arrays live in the maps' manager.
   *
   * @return {@code [B][height·width]}, row-major, each in [0, 1]
   */
  public float[][] forEvaluation(int height, int width) {
    return upsample(height, width, Interpolation.BICUBIC).normalize(Normalization.MIN_MAX).flatMaps();
  }

  /** The maps, {@code [B, h, w]} float32. */
  public NDArray maps() {
    return maps;
  }

  /** The logits {@code [B, C]} of the explained batch. */
  public NDArray logits() {
    return logits;
  }

  /** The class explained for each image. */
  public int[] classes() {
    return classes.clone();
  }

  public String method() {
    return method;
  }

  /** The post-processing applied so far, in order (empty for raw maps). */
  public List<String> steps() {
    LinkedList<String> names = new LinkedList<>();
    for (Step s = lastStep; s != null; s = s.previous()) names.addFirst(s.describe());
    return List.copyOf(names);
  }

  public int batchSize() {
    return Math.toIntExact(maps.getShape().get(0));
  }

  public int height() {
    return Math.toIntExact(maps.getShape().get(1));
  }

  public int width() {
    return Math.toIntExact(maps.getShape().get(2));
  }

  /** Map {@code i} copied to the host as rows of floats. */
  public float[][] map(int i) {
    if (i < 0 || i >= batchSize()) {
      throw new IndexOutOfBoundsException("map " + i + " of a batch of " + batchSize());
    }
    try (NDArray one = maps.get(i)) {
      return rows(one.toFloatArray(), height(), width());
    }
  }

  /** All maps copied to the host, each flattened row-major: {@code [B][h·w]} (what the metrics take). */
  public float[][] flatMaps() {
    float[] flat = maps.toFloatArray();
    int plane = height() * width();
    float[][] all = new float[batchSize()][];
    for (int i = 0; i < all.length; i++) all[i] = Arrays.copyOfRange(flat, i * plane, (i + 1) * plane);
    return all;
  }

  /** All maps copied to the host, {@code [B][h][w]}. */
  public float[][][] toHost() {
    float[][] flat = flatMaps();
    float[][][] all = new float[flat.length][][];
    for (int i = 0; i < all.length; i++) all[i] = rows(flat[i], height(), width());
    return all;
  }

  private static float[][] rows(float[] flat, int h, int w) {
    float[][] rows = new float[h][];
    for (int y = 0; y < h; y++) rows[y] = Arrays.copyOfRange(flat, y * w, (y + 1) * w);
    return rows;
  }

  /** The manager that owns the maps. */
  public NDManager manager() {
    return maps.getManager();
  }

  @Override
  public String toString() {
    return method + " maps " + maps.getShape() + " for " + (classes.length <= 8 ? Arrays.toString(classes) : classes.length + " images")
        + (lastStep == null ? " (raw)" : " after " + String.join(" → ", steps()));
  }
}
