package camlab.exercises;

import java.util.List;

import camlab.exercises.graders.acol.*;
import camlab.exercises.graders.beyond.*;
import camlab.exercises.graders.cam.*;
import camlab.exercises.graders.conv1x1.*;
import camlab.exercises.graders.gap.*;
import camlab.exercises.graders.gradcam.*;
import camlab.exercises.graders.localization.*;
import camlab.exercises.graders.trust.*;
import camlab.exercises.registry.Contract;
import camlab.exercises.registry.Exercise;
import camlab.exercises.registry.ExerciseRegistry;

/**
 * The course's exercises: the single source of truth for ids, titles, points and notebooks.
 * Notebook markers and {@code solutions/} sections must agree with it (checked in {@code ./mvnw verify}).
 */
public final class CourseExercises {
  /** The library's explainers: each computes whole class activation maps, so the map exercises may not call them. */
  private static final List<String> EXPLAINERS = List.of("camlab.explain.Cam", "camlab.explain.GradCam",
      "camlab.explain.GradCamPlusPlus", "camlab.explain.CounterfactualGradCam", "camlab.explain.ChannelWeightedExplainer",
      "camlab.explain.FeaturePass", "camlab.explain.Explainer", "camlab.explain.Explainers", "camlab.explain.Conv1x1Maps",
      "camlab.explain.AcolMaps");
  /** The library's kernels, reference and fast path: spatial means, min–max, bilinear upsampling, class rows, backward. */
  private static final List<String> KERNELS = List.of("camlab.ops.kernels.MapKernels", "camlab.ops.kernels.ReferenceKernels",
      "camlab.ops.kernels.FastKernels", "camlab.ops.kernels.HostLoops");
  /** Global average pooling, the library's and DJL's. */
  private static final List<String> POOLING = join(KERNELS, "camlab.model.GlobalAveragePooling", "camlab.ops.SpatialReduction",
      "ai.djl.nn.pooling.Pool#globalAvgPool*", "ai.djl.nn.pooling.Pool#avgPool*");
  /** Min–max normalisation and bilinear upsampling of maps. */
  private static final List<String> MAP_OPS = join(KERNELS, "camlab.explain.ActivationMaps#normalize",
      "camlab.explain.ActivationMaps#upsample*");
  /** Every explainer of chapter 8 and what they share: each computes a whole map, so chapter 8's cells may not call them. */
  private static final List<String> FAMILY = join(EXPLAINERS, "camlab.explain.LayerCam", "camlab.explain.XGradCam", "camlab.explain.HiResCam",
      "camlab.explain.PositionWeightedExplainer", "camlab.explain.AblationCam", "camlab.explain.ScoreCam", "camlab.explain.EigenCam",
      "camlab.explain.Occlusion", "camlab.explain.Rise", "camlab.explain.PerturbationExplainer", "camlab.explain.Saliency",
      "camlab.explain.SmoothGrad", "camlab.explain.IntegratedGradients", "camlab.explain.InputGradientExplainer",
      "camlab.explain.InputGradients", "camlab.explain.GuidedBackprop", "camlab.explain.GuidedGradCam", "camlab.explain.LayerChain");
  /** ACoL's erasing and fusing. */
  private static final List<String> ACOL = List.of("camlab.model.AcolHead", "camlab.explain.AcolMaps");

  private static final ExerciseRegistry REGISTRY = new ExerciseRegistry(List.of(
      new Exercise("1.1", "Global average pooling", 2, "01-gap.ipynb", Contract.of(GlobalAveragePool.class), GlobalAveragePoolGrader.class,
          POOLING)
          .withHiddenGrader("camlab.exercises.graders.gap.GlobalAveragePoolHiddenGrader"),
      new Exercise("1.2", "Parameters of the two heads", 3, "01-gap.ipynb", Contract.of(HeadParameterCounts.class),
          HeadParameterCountsGrader.class)
          .withHiddenGrader("camlab.exercises.graders.gap.HeadParameterCountsHiddenGrader"),
      new Exercise("2.1", "Class activation map", 3, "02-cam.ipynb", Contract.of(ClassActivationMap.class), ClassActivationMapGrader.class,
          EXPLAINERS)
          .withHiddenGrader("camlab.exercises.graders.cam.ClassActivationMapHiddenGrader"),
      new Exercise("2.2", "Min-max normalisation", 2, "02-cam.ipynb", Contract.of(MinMaxNormalize.class), MinMaxNormalizeGrader.class,
          join(MAP_OPS, "camlab.ops.MapOps#minMaxNormalize*", "camlab.ops.MapOps#upsampleBilinearThenMinMax"))
          .withHiddenGrader("camlab.exercises.graders.cam.MinMaxNormalizeHiddenGrader"),
      new Exercise("2.3", "Bilinear upsampling", 3, "02-cam.ipynb", Contract.of(BilinearUpsample.class), BilinearUpsampleGrader.class,
          join(MAP_OPS, "camlab.ops.MapOps#upsample*"))
          .withHiddenGrader("camlab.exercises.graders.cam.BilinearUpsampleHiddenGrader"),
      new Exercise("3.1", "Grad-CAM channel weights", 3, "03-grad-cam.ipynb", Contract.of(GradCamWeights.class), GradCamWeightsGrader.class,
          EXPLAINERS)
          .withHiddenGrader("camlab.exercises.graders.gradcam.GradCamWeightsHiddenGrader"),
      new Exercise("3.2", "Grad-CAM map", 2, "03-grad-cam.ipynb", Contract.of(GradCamMap.class), GradCamMapGrader.class, EXPLAINERS)
          .withHiddenGrader("camlab.exercises.graders.gradcam.GradCamMapHiddenGrader"),
      new Exercise("3.3", "Counterfactual map", 2, "03-grad-cam.ipynb", Contract.of(CounterfactualMap.class), CounterfactualMapGrader.class,
          EXPLAINERS)
          .withHiddenGrader("camlab.exercises.graders.gradcam.CounterfactualMapHiddenGrader"),
      new Exercise("4.1", "Erasing mask", 3, "04-acol.ipynb", Contract.of(ErasingMask.class), ErasingMaskGrader.class, ACOL)
          .withHiddenGrader("camlab.exercises.graders.acol.ErasingMaskHiddenGrader"),
      new Exercise("4.2", "Erasing the features", 2, "04-acol.ipynb", Contract.of(EraseFeatures.class), EraseFeaturesGrader.class, ACOL)
          .withHiddenGrader("camlab.exercises.graders.acol.EraseFeaturesHiddenGrader"),
      new Exercise("4.3", "Fusing the two maps", 2, "04-acol.ipynb", Contract.of(FuseMaps.class), FuseMapsGrader.class, ACOL)
          .withHiddenGrader("camlab.exercises.graders.acol.FuseMapsHiddenGrader"),
      new Exercise("5.1", "1x1 convolution as a matrix product", 3, "05-conv1x1-maps.ipynb", Contract.of(Conv1x1.class), Conv1x1Grader.class,
          join(EXPLAINERS, "ai.djl.nn.convolutional.Conv2d#conv2d", "ai.djl.nn.core.Linear#linear"))
          .withHiddenGrader("camlab.exercises.graders.conv1x1.Conv1x1HiddenGrader"),
      new Exercise("5.2", "Logits from class maps", 2, "05-conv1x1-maps.ipynb", Contract.of(LogitsFromClassMaps.class),
          LogitsFromClassMapsGrader.class, join(POOLING, EXPLAINERS.toArray(String[]::new)))
          .withHiddenGrader("camlab.exercises.graders.conv1x1.LogitsFromClassMapsHiddenGrader"),
      new Exercise("6.1", "IoU of two boxes", 2, "06-localization.ipynb", Contract.of(BoxIou.class), BoxIouGrader.class,
          List.of("camlab.ops.Box#iou"))
          .withHiddenGrader("camlab.exercises.graders.localization.BoxIouHiddenGrader"),
      new Exercise("6.2", "Box of the largest connected component", 3, "06-localization.ipynb", Contract.of(LargestComponentBox.class),
          LargestComponentBoxGrader.class, List.of("camlab.ops.MapBoxes", "camlab.ops.ConnectedComponents",
              "camlab.evaluate.localization.BoxAccuracy"))
          .withHiddenGrader("camlab.exercises.graders.localization.LargestComponentBoxHiddenGrader"),
      new Exercise("6.3", "MaxBoxAcc over thresholds", 3, "06-localization.ipynb", Contract.of(MaxBoxAccuracy.class),
          MaxBoxAccuracyGrader.class, List.of("camlab.evaluate.localization.MaxBoxAcc", "camlab.evaluate.localization.MaxBoxAccV2", "camlab.evaluate.localization.BoxAccuracy",
              "camlab.evaluate.localization.LocalizationMetrics"))
          .withHiddenGrader("camlab.exercises.graders.localization.MaxBoxAccuracyHiddenGrader"),
      new Exercise("7.1", "Deletion AUC", 2, "07-trust.ipynb", Contract.of(DeletionAuc.class), DeletionAucGrader.class,
          List.of("camlab.evaluate.faithfulness.CausalMetric", "camlab.evaluate.faithfulness.FaithfulnessMetrics"))
          .withHiddenGrader("camlab.exercises.graders.trust.DeletionAucHiddenGrader"),
      new Exercise("7.2", "Spearman rank correlation", 3, "07-trust.ipynb", Contract.of(SpearmanCorrelation.class),
          SpearmanCorrelationGrader.class, List.of("camlab.evaluate.sanity.Spearman", "camlab.evaluate.sanity.SanityCheck",
              "camlab.evaluate.sanity.ModelRandomization"))
          .withHiddenGrader("camlab.exercises.graders.trust.SpearmanCorrelationHiddenGrader"),
      new Exercise("8.1", "LayerCAM map", 2, "08-beyond-grad-cam.ipynb", Contract.of(LayerCamMap.class), LayerCamMapGrader.class, FAMILY)
          .withHiddenGrader("camlab.exercises.graders.beyond.LayerCamMapHiddenGrader"),
      new Exercise("8.2", "Score-CAM masks", 3, "08-beyond-grad-cam.ipynb", Contract.of(ScoreCamMasks.class), ScoreCamMasksGrader.class,
          join(FAMILY, join(KERNELS, "camlab.ops.MapOps#minMaxNormalize*", "camlab.ops.MapOps#upsampleBilinearThenMinMax").toArray(String[]::new)))
          .withHiddenGrader("camlab.exercises.graders.beyond.ScoreCamMasksHiddenGrader"),
      new Exercise("8.3", "Occlusion map", 3, "08-beyond-grad-cam.ipynb", Contract.of(OcclusionMap.class), OcclusionMapGrader.class, FAMILY)
          .withHiddenGrader("camlab.exercises.graders.beyond.OcclusionMapHiddenGrader"),
      new Exercise("8.4", "Guided Grad-CAM", 2, "08-beyond-grad-cam.ipynb", Contract.of(GuidedGradCamMap.class), GuidedGradCamMapGrader.class,
          FAMILY)
          .withHiddenGrader("camlab.exercises.graders.beyond.GuidedGradCamMapHiddenGrader"),
      new Exercise("8.5", "Integrated Gradients", 3, "08-beyond-grad-cam.ipynb", Contract.of(IntegratedGradientsMap.class),
          IntegratedGradientsMapGrader.class, FAMILY)
          .withHiddenGrader("camlab.exercises.graders.beyond.IntegratedGradientsMapHiddenGrader")));

  private static List<String> join(List<String> base, String... more) {
    List<String> all = new java.util.ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }

  private CourseExercises() {}

  public static ExerciseRegistry registry() {
    return REGISTRY;
  }
}
