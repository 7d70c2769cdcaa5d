package camlab.evaluate;

import camlab.data.LocalizationSet;
import camlab.evaluate.localization.LocalizationMetrics;
import camlab.evaluate.localization.MaxBoxAccV2;
import camlab.explain.AcolMaps;
import camlab.model.Classifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ACoL's test-time erasing threshold, chosen on the validation split:
 * <pre>δ* = argmax_δ MaxBoxAccV2(validation split; ACoL maps erasing at δ),  δ ∈ {0.5, 0.6, 0.7, 0.8, 0.9},</pre>
 * ties going to the smaller δ. The test split never influences δ* (Choe et al., CVPR 2020: hyperparameters of WSOL
 * methods are tuned on a held-out split with boxes). The model keeps the δ it was trained with; at test time δ only
 * decides what classifier B sees.
 */
public final class ErasingThreshold {
  /** The candidates. */
  public static final List<Float> GRID = List.of(0.5f, 0.6f, 0.7f, 0.8f, 0.9f);

  /**
   * The chosen threshold and every candidate's validation score.
   *
   * @param validationMaxBoxAccV2 MaxBoxAccV2 (percent) on the validation split per δ, in grid order
   */
  public record Choice(float delta, Map<Float, Double> validationMaxBoxAccV2) {
    /** One line for a report, e.g. "ACoL's erasing threshold δ* = 0.7, chosen on 1000 validation images (MaxBoxAccV2: …)". */
    public String describe(int validationImages) {
      List<String> scores = new ArrayList<>();
      validationMaxBoxAccV2.forEach((d, v) -> scores.add(String.format(java.util.Locale.ROOT, "δ %.1f: %.2f", d, v)));
      return String.format(java.util.Locale.ROOT, "ACoL's test-time erasing threshold δ* = %.1f, chosen on %d validation images by MaxBoxAccV2 (%s).",
          delta, validationImages, String.join(", ", scores));
    }
  }

  private ErasingThreshold() {}

  /** δ* for an ACoL model; throws {@link UnsupportedOperationException} for any other model. */
  public static Choice choose(Classifier model, AcolMaps maps, LocalizationSet validation, Evaluation.Settings settings) {
    List<MapMethod> candidates = GRID.stream().map(d -> MapMethod.of(maps.erasingAt(d))).toList();
    List<LocalizationMetrics.Result> results = Evaluation.validate(model, candidates, validation, settings);
    Map<Float, Double> scores = new LinkedHashMap<>();
    float best = GRID.get(0);
    for (int i = 0; i < GRID.size(); i++) {
      double score = results.get(i).maxBoxAccV2();
      scores.put(GRID.get(i), score);
      if (score > scores.get(best)) best = GRID.get(i);
    }
    return new Choice(best, scores);
  }
}
