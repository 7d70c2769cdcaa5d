package camlab.evaluate.faithfulness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.model.Classifier;

/**
 * The model as the faithfulness metrics see it: a batch of (perturbed) images in, the score of one class per image
 * out. Images are flat host arrays, so the metrics can build perturbations cheaply and tests can use a hand-written
 * scorer.
 */
@FunctionalInterface
public interface ClassScorer {
  /**
   * @param images {@code count} images back to back, each {@code pixelsPerImage} floats in the model's layout
   * @param classes the class to score for each image
   * @return the score of {@code classes[i]} for image {@code i}
   */
  double[] score(float[] images, int count, int[] classes);

  /**
   * The softmax probability of the class under {@code model}, in chunks of {@code batchSize} images. Inference mode;
   * every array lives in a manager closed before returning, so the model's manager gains nothing.
   */
  static ClassScorer softmaxProbability(Classifier model, int batchSize) {
    if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1; got " + batchSize + ".");
    Shape one = model.inputShape();
    int pixels = Math.toIntExact(one.size());
    int numClasses = model.numClasses();
    return (images, count, classes) -> {
      if (images.length != (long) count * pixels) {
        throw new IllegalArgumentException(count + " images of " + one + " need " + (long) count * pixels + " floats; got " + images.length + ".");
      }
      if (classes.length != count) throw new IllegalArgumentException(count + " images but " + classes.length + " classes.");
      double[] scores = new double[count];
      try (NDManager manager = NDManager.newBaseManager(model.device())) {
        for (int from = 0; from < count; from += batchSize) {
          int to = Math.min(count, from + batchSize);
          try (NDManager chunk = manager.newSubManager()) {
            float[] slice = java.util.Arrays.copyOfRange(images, from * pixels, to * pixels);
            NDArray x = chunk.create(slice, new Shape(to - from).addAll(one));
            float[] probabilities = model.logits(x).softmax(1).toFloatArray();
            for (int i = from; i < to; i++) {
              if (classes[i] < 0 || classes[i] >= numClasses) {
                throw new IllegalArgumentException("Class " + classes[i] + " is out of range 0.." + (numClasses - 1) + ".");
              }
              scores[i] = probabilities[(i - from) * numClasses + classes[i]];
            }
          }
        }
      }
      return scores;
    };
  }
}
