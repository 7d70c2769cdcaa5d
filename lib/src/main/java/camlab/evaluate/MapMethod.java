package camlab.evaluate;

import ai.djl.ndarray.NDArray;
import camlab.explain.ActivationMaps;
import camlab.explain.Explainer;
import camlab.explain.Targets;
import camlab.model.Classifier;
import java.util.Optional;

/**
 * Something that gives one score map per image for a class: an {@link Explainer}, or a baseline that looks at no
 * model. The evaluation treats both alike, so baselines go through exactly the same metrics.
 */
public interface MapMethod {
  /** Short name for tables, e.g. "cam". */
  String name();

  /** Whether this is a reference baseline rather than an explanation method. */
  boolean isBaseline();

  /**
   * Evaluation maps for a batch: one row-major {@code H × W} map per image, in [0, 1].
   *
   * @param images {@code [B, 1, H, W]} float32
   * @param classes the class to explain for each image
   */
  float[][] scoreMaps(Classifier model, NDArray images, int[] classes);

  /** The explainer behind the maps, if any (baselines have none). */
  default Optional<Explainer> explainer() {
    return Optional.empty();
  }

  /** An explainer's maps, post-processed as wsolevaluation does ({@link ActivationMaps#forEvaluation}). */
  static MapMethod of(Explainer explainer) {
    return new MapMethod() {
      @Override
      public String name() {
        return explainer.name();
      }

      @Override
      public boolean isBaseline() {
        return false;
      }

      @Override
      public Optional<Explainer> explainer() {
        return Optional.of(explainer);
      }

      @Override
      public float[][] scoreMaps(Classifier model, NDArray images, int[] classes) {
        int height = Math.toIntExact(images.getShape().get(2));
        int width = Math.toIntExact(images.getShape().get(3));
        return explainer.explain(model, images, Targets.perImage(classes)).forEvaluation(height, width);
      }

      @Override
      public String toString() {
        return name();
      }
    };
  }
}
