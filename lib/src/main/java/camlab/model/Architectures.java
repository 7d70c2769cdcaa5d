package camlab.model;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/** The course's architectures, each built as a {@link Classifier} split into features and head. */
public final class Architectures {
  /** Names accepted by {@link #create}. */
  public static final List<String> NAMES = List.of("gap-cnn");

  private Architectures() {}

  /** Builds an untrained architecture by name for 1×size×size images. */
  public static Classifier create(String name, int imageSize, List<String> classNames, Device device) {
    return switch (name) {
      case "gap-cnn" -> gapCnn(imageSize, classNames, device);
      default -> throw new IllegalArgumentException("Unknown architecture '" + name + "'; choose one of " + NAMES + ".");
    };
  }

  /**
   * The CAM network: four conv–BatchNorm–ReLU blocks (a 5×5 stride-2 conv with 24 channels, then 3×3 convs
   * with 32, 64 and 96 channels, max-pooling after the second), so a 64×64 image gives 16×16 activations;
   * then global average pooling and a bias-free Linear layer (Zhou et al. set the softmax bias to 0).
   * Features: {@code [B, 96, 16, 16]} for 64×64 input.
   */
  public static Classifier gapCnn(int imageSize, List<String> classNames, Device device) {
    SequentialBlock features = new SequentialBlock()
        .add(convBnRelu(24, 5, 2))
        .add(convBnRelu(32, 3, 1)).add(Pool.maxPool2dBlock(new Shape(2, 2)))
        .add(convBnRelu(64, 3, 1))
        .add(convBnRelu(96, 3, 1));
    SequentialBlock head = new SequentialBlock()
        .add(new GlobalAveragePooling())
        .add(Linear.builder().setUnits(classNames.size()).optBias(false).build());
    return Classifier.create("gap-cnn", features, head, new Shape(1, imageSize, imageSize), classNames, device);
  }

  /** 3×3 convolution (padding 1, keeps h×w) → BatchNorm → ReLU. */
  static Block convBnRelu(int channels, int kernel, int stride) {
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
            .optPadding(new Shape(kernel / 2, kernel / 2)).setFilters(channels).build())
        .add(BatchNorm.builder().build())
        .add(Activation.reluBlock());
  }

  static boolean isGlobalAveragePooling(Block block) {
    return block instanceof GlobalAveragePooling;
  }
}
