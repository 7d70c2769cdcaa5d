package camlab.exercises;

import java.util.List;

import camlab.exercises.graders.acol.*;
import camlab.exercises.graders.cam.*;
import camlab.exercises.graders.conv1x1.*;
import camlab.exercises.graders.gap.*;
import camlab.exercises.graders.gradcam.*;
import camlab.exercises.graders.localization.*;
import camlab.exercises.graders.trust.*;

/**
 * The course's exercises: the single source of truth for ids, titles, points and notebooks.
 * Notebook markers and {@code solutions/} sections must agree with it (checked in {@code ./mvnw verify}).
 */
public final class CourseExercises {
  private static final ExerciseRegistry REGISTRY = new ExerciseRegistry(List.of(
      new Exercise("1.1", "Global average pooling", 2, "01-gap.ipynb", Contract.of(GlobalAveragePool.class), GlobalAveragePoolGrader.class),
      new Exercise("1.2", "Parameters of the two heads", 3, "01-gap.ipynb", Contract.of(HeadParameterCounts.class), HeadParameterCountsGrader.class),
      new Exercise("2.1", "Class activation map", 3, "02-cam.ipynb", Contract.of(ClassActivationMap.class), ClassActivationMapGrader.class),
      new Exercise("2.2", "Min-max normalisation", 2, "02-cam.ipynb", Contract.of(MinMaxNormalize.class), MinMaxNormalizeGrader.class),
      new Exercise("2.3", "Bilinear upsampling", 3, "02-cam.ipynb", Contract.of(BilinearUpsample.class), BilinearUpsampleGrader.class),
      new Exercise("3.1", "Grad-CAM channel weights", 3, "03-grad-cam.ipynb", Contract.of(GradCamWeights.class), GradCamWeightsGrader.class),
      new Exercise("3.2", "Grad-CAM map", 2, "03-grad-cam.ipynb", Contract.of(GradCamMap.class), GradCamMapGrader.class),
      new Exercise("3.3", "Counterfactual map", 2, "03-grad-cam.ipynb", Contract.of(CounterfactualMap.class), CounterfactualMapGrader.class),
      new Exercise("4.1", "Erasing mask", 3, "04-acol.ipynb", Contract.of(ErasingMask.class), ErasingMaskGrader.class),
      new Exercise("4.2", "Erasing the features", 2, "04-acol.ipynb", Contract.of(EraseFeatures.class), EraseFeaturesGrader.class),
      new Exercise("4.3", "Fusing the two maps", 2, "04-acol.ipynb", Contract.of(FuseMaps.class), FuseMapsGrader.class),
      new Exercise("5.1", "1x1 convolution as a matrix product", 3, "05-conv1x1-maps.ipynb", Contract.of(Conv1x1.class), Conv1x1Grader.class),
      new Exercise("5.2", "Logits from class maps", 2, "05-conv1x1-maps.ipynb", Contract.of(LogitsFromClassMaps.class), LogitsFromClassMapsGrader.class),
      new Exercise("6.1", "IoU of two boxes", 2, "06-localization.ipynb", Contract.of(BoxIou.class), BoxIouGrader.class),
      new Exercise("6.2", "Box of the largest connected component", 3, "06-localization.ipynb", Contract.of(LargestComponentBox.class), LargestComponentBoxGrader.class),
      new Exercise("6.3", "MaxBoxAcc over thresholds", 3, "06-localization.ipynb", Contract.of(MaxBoxAccuracy.class), MaxBoxAccuracyGrader.class),
      new Exercise("7.1", "Deletion AUC", 2, "07-trust.ipynb", Contract.of(DeletionAuc.class), DeletionAucGrader.class),
      new Exercise("7.2", "Spearman rank correlation", 3, "07-trust.ipynb", Contract.of(SpearmanCorrelation.class), SpearmanCorrelationGrader.class)));

  private CourseExercises() {}

  public static ExerciseRegistry registry() {
    return REGISTRY;
  }
}
