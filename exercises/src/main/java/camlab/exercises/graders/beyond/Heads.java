package camlab.exercises.graders.beyond;

import ai.djl.ndarray.NDArray;

import camlab.exercises.sandbox.HeadRecipe;
import camlab.model.Classifier;

/** The small classifiers the chapter-8 graders score images with; their features are the identity, so the head takes the images. */
final class Heads {
  private Heads() {}

  /** flatten → Linear(no bias) on [channels, height, width] images, with the weight matrix {@code weights} [classes, C·H·W]. */
  static Classifier linear(int channels, int height, int width, float[] weights) {
    int classes = weights.length / (channels * height * width);
    Classifier model = HeadRecipe.forActivations(channels, height, width, classes).flatten().linear(classes, false).build();
    parameter(model, 1, "weight").set(weights);
    return model;
  }

  /** flatten → Linear(hidden) → ReLU → Linear(classes), with the engine's seeded initial weights. */
  static Classifier mlp(int channels, int height, int width, int hidden, int classes) {
    return HeadRecipe.forActivations(channels, height, width, classes).flatten().linear(hidden, true).relu().linear(classes, true).build();
  }

  /** One ReLU unit on 1x1x2 images: y_c = v_c · ReLU(u·x + bias), with u = [u0, u1] and v = [v0, v1] (two classes). */
  static Classifier oneReluUnit(float[] u, float bias, float[] v) {
    Classifier model = HeadRecipe.forActivations(1, 1, 2, v.length).flatten().linear(1, true).relu().linear(v.length, false).build();
    parameter(model, 1, "weight").set(u);
    parameter(model, 1, "bias").set(new float[] {bias});
    parameter(model, 3, "weight").set(v);
    return model;
  }

  private static NDArray parameter(Classifier model, int layer, String name) {
    return model.headBlock().getChildren().get(layer).getValue().getParameters().get(name).getArray();
  }
}
