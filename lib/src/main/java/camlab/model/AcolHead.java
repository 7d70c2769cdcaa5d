package camlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import camlab.ops.MapOps;
import java.util.ArrayList;
import java.util.List;

/**
 * The head of ACoL — Adversarial Complementary Learning (Zhang, Wei, Feng, Yang, Huang — CVPR 2018),
 * as in the official code: the activations are smoothed by a 3×3 average pool, then two classifiers of
 * identical structure and separate weights (3×3 conv, ReLU, 3×3 conv, ReLU, 1×1 conv to C class maps,
 * then global average pooling for the logits) run on them:
 * <pre>
 * S_A = branchA(F)                         class maps of A, [B, C, h, w];  logits_A = GAP(S_A)
 * a   = minmax(S_A[label])                 label = the true class in training, the top-1 of A otherwise
 * keep(i,j) = 0 if a(i,j) ≥ δ else 1        computed without gradient (the mask is a constant)
 * S_B = branchB(F ⊙ keep)                  B must find the object elsewhere;  logits_B = GAP(S_B)
 * loss = CE(logits_A) + CE(logits_B)       (the training loop sums the outputs' losses)
 * map = max(minmax(S_A[c]), minmax(S_B[c]))  at test, element-wise
 * </pre>
 * In training the forward pass takes {@code (activations, labels)} and returns both logits; at inference
 * it takes the activations and returns {@code logits_A}, which is what the model predicts with.
 */
public final class AcolHead extends AbstractBlock implements LabelAwareHead {
  /** The paper's erasing threshold. */
  public static final float DEFAULT_DELTA = 0.6f;

  private final Block smoothing;
  private final Block branchA;
  private final Block branchB;
  private final int numClasses;
  private final float delta;

  /** The maps and logits of both branches for one batch. */
  public record Branches(NDArray mapsA, NDArray logitsA, NDArray mapsB, NDArray logitsB, NDArray keep) {}

  /** Classifier A's result and the smoothed features it saw: the first half of the forward pass. */
  public record BranchA(NDArray features, NDArray mapsA, NDArray logitsA) {}

  public AcolHead(int numClasses, int width, float delta) {
    if (!(delta > 0 && delta <= 1)) throw new IllegalArgumentException("The erasing threshold δ must be in (0, 1]; got " + delta + ".");
    this.numClasses = numClasses;
    this.delta = delta;
    this.smoothing = addChildBlock("smoothing", Pool.avgPool2dBlock(new Shape(3, 3), new Shape(1, 1), new Shape(1, 1)));
    this.branchA = addChildBlock("branchA", branch(numClasses, width));
    this.branchB = addChildBlock("branchB", branch(numClasses, width));
  }

  private static Block branch(int numClasses, int width) {
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(width).build())
        .add(Activation.reluBlock())
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(width).build())
        .add(Activation.reluBlock())
        .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(numClasses).build());
  }

  public float delta() {
    return delta;
  }

  /**
   * What the inference logits go through, in order: the smoothing, classifier A's layers, then global average
   * pooling — {@code logits_A} as a chain of layers (classifier B does not change the prediction).
   */
  public List<Block> inferenceLayers() {
    List<Block> layers = new ArrayList<>();
    layers.add(smoothing);
    layers.addAll(((SequentialBlock) branchA).getChildren().values());
    layers.add(new GlobalAveragePooling());
    return List.copyOf(layers);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray labels = inputs.size() > 1 ? inputs.get(1) : null;
    Branches b = branches(ps, inputs.get(0), labels, training);
    return training ? new NDList(b.logitsA(), b.logitsB()) : new NDList(b.logitsA());
  }

  /**
   * Runs both branches.
   *
   * @param classes the class whose map drives the erasing, {@code [B]} int64; null = the top-1 of branch A
   */
  public Branches branches(ParameterStore ps, NDArray activations, NDArray classes, boolean training) {
    return branchB(ps, branchA(ps, activations, training), classes, training);
  }

  /** Smoothing and classifier A. */
  public BranchA branchA(ParameterStore ps, NDArray activations, boolean training) {
    NDArray features = smoothing.forward(ps, new NDList(activations), training).singletonOrThrow();
    NDArray mapsA = branchA.forward(ps, new NDList(features), training).singletonOrThrow();
    return new BranchA(features, mapsA, GlobalAveragePooling.pool(mapsA));
  }

  /**
   * Erasing and classifier B.
   *
   * @param classes the class whose map drives the erasing, {@code [B]} int64; null = the top-1 of branch A
   */
  public Branches branchB(ParameterStore ps, BranchA a, NDArray classes, boolean training) {
    return branchB(ps, a, classes, training, delta);
  }

  /**
   * Erasing at another threshold than the one the model was trained with: at test time δ only decides what
   * classifier B sees, so it can be chosen on a validation split (Choe et al.'s protocol).
   */
  public Branches branchB(ParameterStore ps, BranchA a, NDArray classes, boolean training, float erasingThreshold) {
    if (!(erasingThreshold > 0 && erasingThreshold <= 1)) {
      throw new IllegalArgumentException("The erasing threshold δ must be in (0, 1]; got " + erasingThreshold + ".");
    }
    NDArray drivers = classes != null ? classes : a.logitsA().argMax(1);
    NDArray keep = keepMask(pick(a.mapsA().stopGradient(), drivers), erasingThreshold).expandDims(1);
    NDArray mapsB = branchB.forward(ps, new NDList(a.features().mul(keep)), training).singletonOrThrow();
    return new Branches(a.mapsA(), a.logitsA(), mapsB, GlobalAveragePooling.pool(mapsB), keep.squeeze(1));
  }

  /** Channel {@code classes[b]} of every image's class maps: {@code [B, C, h, w]} → {@code [B, h, w]}. */
  public static NDArray pick(NDArray classMaps, NDArray classes) {
    long c = classMaps.getShape().get(1);
    NDArray oneHot = classes.toType(DataType.INT64, false).oneHot((int) c).toType(classMaps.getDataType(), false);
    return classMaps.mul(oneHot.expandDims(2).expandDims(3)).sum(new int[] {1});
  }

  /**
   * The erasing mask: 1 where the min–max-normalised map is below δ (kept), 0 where it is ≥ δ (erased).
   *
   * @param maps {@code [B, h, w]}
   * @return {@code [B, h, w]} float32 of 0s and 1s
   */
  public static NDArray keepMask(NDArray maps, float delta) {
    return MapOps.minMaxNormalize(maps).lt(delta).toType(DataType.FLOAT32, false);
  }

  @Override
  public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    smoothing.initialize(manager, dataType, inputShapes[0]);
    branchA.initialize(manager, dataType, inputShapes[0]);
    branchB.initialize(manager, dataType, inputShapes[0]);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
  }
}
