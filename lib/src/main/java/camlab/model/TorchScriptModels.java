package camlab.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The user's own PyTorch model, exported as two TorchScript files at its target layer:
 * <pre>
 * model.eval()
 * torch.jit.trace(features, x).save("features.pt")     # images → activations A [B, K, h, w]
 * torch.jit.trace(head, features(x)).save("head.pt")   # A → logits [B, C]
 * </pre>
 * The head is loaded with trainable parameters so gradients can flow through it (Grad-CAM); export both
 * parts in eval mode, because BatchNorm and Dropout behaviour is fixed when tracing. CAM additionally
 * needs the head to be global average pooling plus one Linear layer; {@link Classifier#linearClassWeights()} finds its weights.
 */
public final class TorchScriptModels {
  private TorchScriptModels() {}

  /**
   * Loads {@code features.pt} and {@code head.pt} as one classifier.
   *
   * @param inputShape one image, {@code [C, H, W]}, as the exported model expects it
   * @param classNames null: "class 0", "class 1", ... for as many logits as the head produces
   */
  public static Classifier load(Path features, Path head, Shape inputShape, List<String> classNames, Device device)
      throws IOException, MalformedModelException {
    return load(features, head, inputShape, classNames, device, false);
  }

  /**
   * As {@link #load(Path, Path, Shape, List, Device)}; with {@code inputGradients} the features module is loaded with
   * trainable parameters too, so that gradients can flow back to the input (saliency, Integrated Gradients, SmoothGrad).
   * Without it those methods are refused with a message that says so; the CAM family never needs it.
   */
  public static Classifier load(Path features, Path head, Shape inputShape, List<String> classNames, Device device, boolean inputGradients)
      throws IOException, MalformedModelException {
    Device d = device == null ? Engine.getInstance().defaultDevice() : camlab.util.Devices.check(device);
    Model featuresModel = loadModule(features, "features", d, inputGradients);
    Model headModel;
    try {
      headModel = loadModule(head, "head", d, true);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      featuresModel.close();
      throw e;
    }
    try {
      List<String> names = classNames;
      long numClasses = probeClasses(featuresModel, headModel, inputShape, features, head);
      if (names == null) {
        names = IntStream.range(0, (int) numClasses).mapToObj(i -> "class " + i).toList();
      } else if (names.size() != numClasses) {
        throw new IllegalArgumentException(names.size() + " class names were given but the head produces " + numClasses + " logits.");
      }
      return Classifier.scripted("torchscript", featuresModel, headModel, inputShape, names, inputGradients);
    } catch (RuntimeException e) {
      featuresModel.close();
      headModel.close();
      throw e;
    }
  }

  private static Model loadModule(Path file, String role, Device device, boolean trainable) throws IOException, MalformedModelException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("The " + role + " TorchScript file " + file + " does not exist.");
    }
    Model model = Model.newInstance(role, device, "PyTorch");
    try {
      Path absolute = file.toAbsolutePath();
      model.load(absolute.getParent(), absolute.getFileName().toString(),
          Map.of("trainParam", Boolean.toString(trainable), "mapLocation", "true"));
      return model;
    } catch (RuntimeException e) {
      model.close();
      throw new MalformedModelException("Cannot load " + file + " as a TorchScript module (" + e.getMessage()
          + "). Export it with torch.jit.trace(...).save(...).", e);
    } catch (IOException | MalformedModelException e) {
      model.close();
      throw e;
    }
  }

  /**
   * Runs one zero image through both parts to check that they fit together, returning the number of logits. When the
   * features refuse the image but the two parts fit the other way round, says that they look swapped.
   */
  private static long probeClasses(Model features, Model head, Shape inputShape, Path featuresFile, Path headFile) {
    try (NDManager probe = NDManager.newBaseManager(features.getNDManager().getDevice())) {
      NDArray x = probe.zeros(new Shape(1).addAll(inputShape));
      NDArray a;
      try {
        a = forward(features, probe, x);
      } catch (RuntimeException e) {
        if (fitSwapped(features, head, probe, x)) {
          throw new IllegalArgumentException("The features " + featuresFile + " and the head " + headFile + " look swapped: " + headFile
              + " accepts the images and " + featuresFile + " its output. Pass them the other way round (--features " + headFile
              + " --head " + featuresFile + ").", e);
        }
        throw new IllegalArgumentException(featuresFile + " does not accept an input of shape " + x.getShape() + ": " + engineReason(e)
            + " Give it images of the shape it was traced with (channels, height, width: on the command line, --input-shape or the"
            + " shape of the --input batch).", e);
      }
      if (a.getShape().dimension() != 4) {
        throw new IllegalArgumentException(featuresFile + " must output activations [batch, channels, height, width]; it gave " + a.getShape() + ".");
      }
      NDArray logits;
      try {
        logits = forward(head, probe, a);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(headFile + " does not accept the features' output " + a.getShape() + ": " + engineReason(e)
            + " Export features.pt and head.pt from the same model, split at the same layer.", e);
      }
      if (logits.getShape().dimension() != 2) {
        throw new IllegalArgumentException(headFile + " must output logits [batch, classes]; it gave " + logits.getShape() + ".");
      }
      return logits.getShape().get(1);
    }
  }

  private static NDArray forward(Model part, NDManager manager, NDArray input) {
    return part.getBlock().forward(new ai.djl.training.ParameterStore(manager, false), new ai.djl.ndarray.NDList(input), false).singletonOrThrow();
  }

  /** Whether the head takes the image and the features part takes the head's 4-D output, giving 2-D logits. */
  private static boolean fitSwapped(Model features, Model head, NDManager manager, NDArray x) {
    try {
      NDArray a = forward(head, manager, x);
      return a.getShape().dimension() == 4 && forward(features, manager, a).getShape().dimension() == 2;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The one line of a TorchScript error that says what went wrong (PyTorch appends the whole traced call stack). */
  static String engineReason(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    return message.lines().map(String::strip).filter(line -> line.startsWith("RuntimeError:"))
        .reduce((first, last) -> last).map(line -> line.substring("RuntimeError:".length()).strip())
        .orElse(message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(message));
  }
}
