package camlab.evaluate.sanity;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import camlab.model.Architectures;
import camlab.model.Classifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cascading model-parameter randomization (Adebayo et al., "Sanity Checks for Saliency Maps", NeurIPS 2018):
 * re-initialise a trained network's layers from the top down, one more layer per step, always on a <em>copy</em>.
 *
 * <p>The cascade is the head's layers that own parameters, last first, then the feature stages, last first — for
 * the GAP-CNN: the Linear classifier, then stages conv4, conv3, conv2, conv1 — whatever layer the classifier is
 * split at. Each re-initialised parameter gets a fresh
 * value from its own DJL initializer (Xavier for weights, zeros/ones for biases and BatchNorm's β/γ), as the paper's
 * code re-runs each layer's initializer on its trainable variables. BatchNorm's running mean and variance are not
 * trainable and are kept. The engine's random seed is set before re-initialising, so a seed gives the same random
 * layers every time (and the top layer keeps the same random values at every step of the cascade).
 *
 * <p>Copies are built with {@link Architectures#create} and the trained parameters, so this works for the course's
 * architectures ({@link Architectures#NAMES}). The trained model is only read.
 */
public final class ModelRandomization {
  /** One step of the cascade: a top-level block of the head or the features, and a readable description. */
  public record Layer(String name, Block block) {}

  private ModelRandomization() {}

  /**
   * The layers in cascade order (top first) of the whole network, wherever the classifier is split: the original
   * head's layers, then the feature stages by their names ({@link Classifier#stageNames()}).
   */
  public static List<Layer> cascade(Classifier model) {
    if (model.isScripted()) {
      throw new IllegalArgumentException("A TorchScript model's layers cannot be re-initialised from Java; the randomization"
          + " test needs a course architecture " + Architectures.NAMES + ".");
    }
    List<Block> parts = model.model().getBlock().getChildren().values(); // the network: [features, head]
    Block features = parts.get(0);
    Block head = parts.get(1);
    List<Layer> layers = new ArrayList<>();
    List<Block> headLayers = head.getChildren().values();
    if (headLayers.isEmpty()) {
      layers.add(new Layer("head: " + describe(head), head));
    } else {
      for (int i = headLayers.size() - 1; i >= 0; i--) {
        if (!headLayers.get(i).getParameters().isEmpty()) layers.add(new Layer("head: " + describe(headLayers.get(i)), headLayers.get(i)));
      }
    }
    List<Block> stages = features.getChildren().values();
    for (int i = stages.size() - 1; i >= 0; i--) {
      if (!stages.get(i).getParameters().isEmpty()) layers.add(new Layer(model.stageNames().get(i) + ": " + describe(stages.get(i)), stages.get(i)));
    }
    return layers;
  }

  /** "conv 3×3 64→128 + batch norm", "linear 128→10": read off the parameter shapes. */
  static String describe(Block block) {
    List<String> parts = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      Parameter parameter = p.getValue();
      Shape shape = parameter.getShape();
      if (shape == null) continue;
      if (parameter.getType() == Parameter.Type.WEIGHT && shape.dimension() == 4) {
        parts.add("conv " + shape.get(2) + "×" + shape.get(3) + " " + shape.get(1) + "→" + shape.get(0));
      } else if (parameter.getType() == Parameter.Type.WEIGHT && shape.dimension() == 2) {
        parts.add("linear " + shape.get(1) + "→" + shape.get(0));
      } else if (parameter.getType() == Parameter.Type.GAMMA) {
        parts.add("batch norm");
      }
    }
    return parts.isEmpty() ? block.getClass().getSimpleName() : String.join(" + ", parts);
  }

  /** An independent copy of a course model: same architecture, same parameter values, its own manager. */
  public static Classifier copy(Classifier trained) {
    if (!Architectures.NAMES.contains(trained.architecture())) {
      throw new IllegalArgumentException("Only the course architectures " + Architectures.NAMES + " can be copied for the"
          + " randomization test; '" + trained.architecture() + "' is not one of them.");
    }
    Shape input = trained.inputShape();
    Classifier copy = Architectures.create(trained.architecture(), Math.toIntExact(input.get(1)), trained.classNames(), trained.device());
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        trained.model().getBlock().saveParameters(out);
      }
      if (!copy.inputShape().equals(input)) {
        throw new IllegalArgumentException("the copy takes " + copy.inputShape() + " images, the model " + input);
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        copy.model().getBlock().loadParameters(copy.model().getNDManager(), in);
      }
      // the same split as the original (a view of the same copy)
      return copy.targetLayer().equals(trained.targetLayer()) ? copy : copy.splitAt(trained.targetLayer());
    } catch (IOException e) {
      copy.close();
      throw new UncheckedIOException("Could not copy the parameters of " + trained.architecture() + ": " + e.getMessage(), e);
    } catch (MalformedModelException | RuntimeException e) {
      copy.close();
      throw new IllegalStateException("Could not copy the parameters of " + trained.architecture() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A copy of {@code trained} with the first {@code layers} layers of the {@link #cascade} re-initialised.
   * {@code layers = 0} gives a plain copy. Close the result when done.
   */
  public static Classifier randomizedCopy(Classifier trained, int layers, long seed) {
    Classifier copy = copy(trained);
    List<Layer> cascade = cascade(copy);
    if (layers < 0 || layers > cascade.size()) {
      copy.close();
      throw new IllegalArgumentException("The " + trained.architecture() + " cascade has " + cascade.size() + " layers; cannot randomize " + layers + ".");
    }
    Engine.getInstance().setRandomSeed((int) seed);
    for (int i = 0; i < layers; i++) reinitialize(cascade.get(i).block(), copy);
    return copy;
  }

  /** Fresh values from each trainable parameter's own initializer, in the copy's manager. */
  private static void reinitialize(Block block, Classifier owner) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      Parameter parameter = p.getValue();
      if (parameter.getType() == Parameter.Type.RUNNING_MEAN || parameter.getType() == Parameter.Type.RUNNING_VAR) continue;
      DataType type = parameter.getArray().getDataType();
      parameter.close(); // frees the old array and marks the parameter uninitialised ...
      parameter.initialize(owner.model().getNDManager(), type); // ... so its initializer draws new values
    }
  }
}
