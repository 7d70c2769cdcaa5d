package camlab.explain;

import ai.djl.ndarray.NDArray;
import camlab.model.AcolHead;
import camlab.model.Classifier;
import camlab.model.HeadKind;
import camlab.ops.MapOps;
import camlab.util.Scoped;

/**
 * The ACoL localization map (Zhang et al. — CVPR 2018): classifier A's map of class c erases the
 * features it finds (≥ δ after min–max normalisation), classifier B classifies what is left, and the
 * two maps are fused element-wise:
 * <pre>M_c = max( minmax(S_A[c]), minmax(S_B[c]) ).</pre>
 * The erasing is driven by the explained class (the top-1 of classifier A unless a target is given).
 * The result is already in [0, 1]. {@link #branch} gives A's or B's normalised map alone.
 */
public final class AcolMaps implements Explainer {
  /** Which map to return. */
  public enum Output { FUSED, BRANCH_A, BRANCH_B }

  private final Output output;
  /** The erasing threshold at test time; NaN = the one the model was trained with. */
  private final float erasingThreshold;

  /** The fused map. */
  public AcolMaps() {
    this(Output.FUSED, Float.NaN);
  }

  private AcolMaps(Output output, float erasingThreshold) {
    this.output = output;
    this.erasingThreshold = erasingThreshold;
  }

  /** The min–max-normalised map of one branch only (for comparing A, B and the fusion). */
  public static AcolMaps branch(Output output) {
    return new AcolMaps(output, Float.NaN);
  }

  /** The same map with erasing at {@code delta} instead of the model's own δ (see {@link AcolHead#branchB}). */
  public AcolMaps erasingAt(float delta) {
    if (!(delta > 0 && delta <= 1)) throw new IllegalArgumentException("The erasing threshold δ must be in (0, 1]; got " + delta + ".");
    return new AcolMaps(output, delta);
  }

  /** The erasing threshold in use for {@code model}. */
  public float erasingThreshold(Classifier model) {
    return Float.isNaN(erasingThreshold) ? acolHead(model).delta() : erasingThreshold;
  }

  @Override
  public String name() {
    return switch (output) {
      case FUSED -> "acol";
      case BRANCH_A -> "acol-a";
      case BRANCH_B -> "acol-b";
    };
  }

  @Override
  public ActivationMaps explain(Classifier model, NDArray images, Targets targets) {
    AcolHead head = acolHead(model);
    return Scoped.result(images, scratch -> {
      NDArray activations = model.features(images);
      AcolHead.BranchA first = head.branchA(model.parameterStore(), activations, false);
      NDArray logitsA = first.logitsA();
      Targets.Resolved classes = targets.resolveOnDevice(logitsA);
      NDArray classIndex = classes.index();
      AcolHead.Branches b = head.branchB(model.parameterStore(), first, classIndex, false, erasingThreshold(model));
      NDArray a = MapOps.minMaxNormalize(AcolHead.pick(b.mapsA(), classIndex));
      NDArray bMap = MapOps.minMaxNormalize(AcolHead.pick(b.mapsB(), classIndex));
      NDArray maps = switch (output) {
        case FUSED -> a.maximum(bMap);
        case BRANCH_A -> a;
        case BRANCH_B -> bMap;
      };
      return new Explained(maps, logitsA, classes.classes());
    }).named(name());
  }

  static AcolHead acolHead(Classifier model) {
    if (model.headKind() instanceof HeadKind.Acol acol) return acol.head();
    throw new UnsupportedOperationException("ACoL maps need an ACoL model (two classifier branches with erasing); the "
        + model.architecture() + " model split after '" + model.targetLayer() + "' has no ACoL head. Train the 'acol' architecture.");
  }
}
