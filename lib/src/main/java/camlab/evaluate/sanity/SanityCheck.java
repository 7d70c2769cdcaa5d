package camlab.evaluate.sanity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import camlab.explain.Explainer;
import camlab.explain.Targets;
import camlab.model.Classifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-parameter randomization test (Adebayo et al., NeurIPS 2018), cascading version: after each step of
 * {@link ModelRandomization#cascade}, compare the randomized model's maps with the trained model's.
 *
 * <pre>
 * for k = 0 .. L:   M_k = maps of the model with its top k layers re-initialised
 *                   ρ_abs(k) = mean_i Spearman(|M_0,i|, |M_k,i|)      ρ(k) = mean_i Spearman(M_0,i, M_k,i)
 * </pre>
 *
 * A method that explains the model should lose the similarity (ρ → 0) as soon as layers it depends on are
 * randomised; a method that stays near 1 is explaining the input, not the model. Maps are taken for the trained
 * model's top-1 class (both models explain the same class), bilinearly upsampled to the image size and not
 * normalised: Spearman only sees the order, and the absolute variant needs the sign. Step 0 is an unmodified copy,
 * so its ρ of 1 checks the copying. Images where either map is constant have no ranking and are left out of the
 * mean; {@link Step#undefined()} counts them.
 */
public final class SanityCheck {
  /**
   * One step of the cascade.
   *
   * @param randomizedLayers how many layers from the top are re-initialised (0: the trained model's copy)
   * @param layer the layer re-initialised at this step ("none" for step 0)
   * @param spearmanAbsolute mean ρ(|M_0|, |M_k|)
   * @param spearmanSigned mean ρ(M_0, M_k)
   * @param images images averaged over
   * @param undefined images left out because a map was constant
   */
  public record Step(int randomizedLayers, String layer, double spearmanAbsolute, double spearmanSigned, int images, int undefined) {}

  private SanityCheck() {}

  /**
   * Runs the cascade on a batch of images; the trained model is not modified.
   *
   * @param images {@code [B, C, H, W]} as the model expects them
   * @param seed seeds the re-initialisation
   */
  public static List<Step> cascadingRandomization(Classifier trained, Explainer explainer, NDArray images, long seed) {
    int height = Math.toIntExact(images.getShape().get(2));
    int width = Math.toIntExact(images.getShape().get(3));
    List<Step> steps = new ArrayList<>();
    try (NDManager scope = images.getManager().newSubManager()) {
      NDArray x = images.duplicate();
      x.attach(scope);
      var reference = explainer.explain(trained, x);
      int[] classes = reference.classes();
      float[][] trainedMaps = reference.upsample(height, width).flatMaps();
      List<ModelRandomization.Layer> cascade = ModelRandomization.cascade(trained);
      for (int k = 0; k <= cascade.size(); k++) {
        float[][] maps;
        try (Classifier randomized = ModelRandomization.randomizedCopy(trained, k, seed); NDManager stepScope = scope.newSubManager()) {
          NDArray xk = x.duplicate();
          xk.attach(stepScope);
          maps = explainer.explain(randomized, xk, Targets.perImage(classes)).upsample(height, width).flatMaps();
        }
        steps.add(compare(k, k == 0 ? "none" : cascade.get(k - 1).name(), trainedMaps, maps));
      }
    }
    return steps;
  }

  /** Mean Spearman correlations between two sets of maps, NaN (undefined) pairs left out. */
  static Step compare(int k, String layer, float[][] reference, float[][] other) {
    double sumAbs = 0;
    double sumSigned = 0;
    int defined = 0;
    int undefined = 0;
    for (int i = 0; i < reference.length; i++) {
      double abs = Spearman.absolute(reference[i], other[i]);
      double signed = Spearman.of(reference[i], other[i]);
      if (Double.isNaN(abs) || Double.isNaN(signed)) {
        undefined++;
        continue;
      }
      sumAbs += abs;
      sumSigned += signed;
      defined++;
    }
    return new Step(k, layer, defined == 0 ? Double.NaN : sumAbs / defined, defined == 0 ? Double.NaN : sumSigned / defined, defined, undefined);
  }
}
