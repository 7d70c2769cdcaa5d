package camlab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The course's architectures, each built as a {@link Classifier} split into features and head.
 *
 * <p>The GAP-CNN, FC-CNN, NiN-CNN and ACoL share one conv backbone (stages conv1..conv4, 64×64 → 16×16)
 * and differ only in the head, so their maps and accuracies compare fairly.
 */
public final class Architectures {
  /** Names accepted by {@link #create}. */
  public static final List<String> NAMES = List.of("gap-cnn", "fc-cnn", "nin-cnn", "acol", "resnet18");

  /** The stage names of the shared conv backbone: the possible target layers. */
  public static final List<String> CONV_STAGE_NAMES = List.of("conv1", "conv2", "conv3", "conv4");

  /** Channels of each ACoL classifier branch's 3×3 convs: 1024 in the paper's VGG, scaled down here so two branches cost less than the backbone. */
  static final int ACOL_WIDTH = 32;

  /** The FC-CNN's average-pooling window before flattening: 16×16 activations become a 4×4 grid. */
  public static final int FC_POOL = 4;

  /** Hidden units of the FC-CNN's first fully connected layer. */
  public static final int FC_HIDDEN = 128;

  private Architectures() {}

  /** Builds an untrained architecture by name for 1×size×size images (the localization set). */
  public static Classifier create(String name, int imageSize, List<String> classNames, Device device) {
    return switch (name) {
      case "gap-cnn" -> gapCnn(imageSize, classNames, device);
      case "fc-cnn" -> fcCnn(imageSize, classNames, device);
      case "nin-cnn" -> ninCnn(imageSize, classNames, device);
      case "acol" -> acol(imageSize, classNames, AcolHead.DEFAULT_DELTA, device);
      case "resnet18" -> resnet18(new Shape(1, imageSize, imageSize), classNames, device);
      default -> throw new IllegalArgumentException("Unknown architecture '" + name + "'; choose one of " + NAMES + ".");
    };
  }

  /**
   * The CAM network: the conv backbone, then global average pooling and a bias-free Linear layer (Zhou
   * et al. set the softmax bias to 0). Features: {@code [B, 128, 16, 16]} for 64×64 input.
   */
  public static Classifier gapCnn(int imageSize, List<String> classNames, Device device) {
    SequentialBlock head = new SequentialBlock()
        .add(new GlobalAveragePooling())
        .add(Linear.builder().setUnits(classNames.size()).optBias(false).build());
    return Classifier.create("gap-cnn", CONV_STAGE_NAMES, convStages(), head, new Shape(1, imageSize, imageSize), classNames, device);
  }

  /**
   * The classic head CAM cannot explain: average 4×4 blocks of the 128×16×16 activations down to a 4×4 grid
   * (as VGG's adaptive pooling does before its classifier), flatten the 2,048 numbers and classify them with
   * two fully connected layers (128 hidden units, ReLU). Each grid cell has its own weights, so there is no
   * per-channel class weight — Grad-CAM still works. Why pool first: Adam moves every weight by about the
   * learning rate per step, so a hidden unit's input moves by up to lr·Σ|x|; over all 32,768 activations that
   * pushes every ReLU below zero (the loss stays at ln 10), over 2,048 the head trains, at
   * {@code TrainingSettings.FC_LEARNING_RATE} (the FC-CNN trains at a quarter of the others' rate).
   */
  public static Classifier fcCnn(int imageSize, List<String> classNames, Device device) {
    SequentialBlock head = new SequentialBlock()
        .add(Pool.avgPool2dBlock(new Shape(FC_POOL, FC_POOL)))
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(FC_HIDDEN).build())
        .add(Activation.reluBlock())
        .add(Linear.builder().setUnits(classNames.size()).build());
    return Classifier.create("fc-cnn", CONV_STAGE_NAMES, convStages(), head, new Shape(1, imageSize, imageSize), classNames, device);
  }

  /**
   * Network-in-Network-style head: a 1×1 convolution to one map per class (with a bias), then global
   * average pooling gives the logits — the class maps come out of the forward pass.
   */
  public static Classifier ninCnn(int imageSize, List<String> classNames, Device device) {
    SequentialBlock head = new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(classNames.size()).build())
        .add(new GlobalAveragePooling());
    return Classifier.create("nin-cnn", CONV_STAGE_NAMES, convStages(), head, new Shape(1, imageSize, imageSize), classNames, device);
  }

  /** ACoL: the conv backbone and an {@link AcolHead} with erasing threshold δ. */
  public static Classifier acol(int imageSize, List<String> classNames, float delta, Device device) {
    AcolHead head = new AcolHead(classNames.size(), ACOL_WIDTH, delta);
    return Classifier.create("acol", CONV_STAGE_NAMES, convStages(), head, new Shape(1, imageSize, imageSize), classNames, device);
  }

  /**
   * The conv backbone of the GAP-CNN, FC-CNN, NiN-CNN and ACoL: 64×64 → 128×16×16 activations. A 5×5
   * stride-2 stem, a 3×3 conv and max-pooling bring 64×64 to 16×16 cheaply; the last conv is dilated
   * (rate 2) so each of its units sees 35×35 pixels — most of an item — at no extra cost. No wider: units that
   * see an item's surroundings spread the class maps over them, and a 51×51 field (conv3 dilated too) costs CAM
   * more localization than it gains accuracy (docs/evaluation.md).
   */
  static List<Block> convStages() {
    List<Block> stages = new ArrayList<>();
    for (ConvStage stage : BACKBONE) {
      Block conv = convBnRelu(stage.channels(), stage.kernel(), stage.stride(), stage.dilation());
      stages.add(stage.maxPool() ? new SequentialBlock().add(conv).add(Pool.maxPool2dBlock(new Shape(2, 2))) : conv);
    }
    return stages;
  }

  /** One stage of the conv backbone: k×k convolution (stride, dilation) → BatchNorm → ReLU, then optionally 2×2 max-pooling. */
  record ConvStage(int channels, int kernel, int stride, int dilation, boolean maxPool) {}

  /** conv1..conv4 of {@link #convStages()}. */
  static final List<ConvStage> BACKBONE = List.of(
      new ConvStage(24, 5, 2, 1, false),
      new ConvStage(32, 3, 1, 1, true),
      new ConvStage(64, 3, 1, 1, false),
      new ConvStage(128, 3, 1, 2, false));

  /**
   * Every constant that shapes the course architectures, including those that change no parameter shape
   * (dilation, stride, pooling, δ): part of the model cache key, so a checkpoint of an older design is not
   * loaded into a new one.
   */
  static String blueprint() {
    return "backbone=" + BACKBONE + ";fcPool=" + FC_POOL + ";fcHidden=" + FC_HIDDEN + ";acolWidth=" + ACOL_WIDTH
        + ";acolDelta=" + AcolHead.DEFAULT_DELTA;
  }

  private static final Map<String, String> FINGERPRINTS = new ConcurrentHashMap<>();

  /**
   * The names and shapes of an architecture's parameters and the {@linkplain #blueprint() constants that shape it},
   * hashed (12 hex digits): part of a checkpoint's key, so a checkpoint of an older version of an architecture is
   * simply not found (and trained anew) rather than failing to load, or loading into a different network. Builds the
   * model once on the CPU per name, size and class count.
   */
  public static String fingerprint(String name, int imageSize, List<String> classNames) {
    return FINGERPRINTS.computeIfAbsent(name + "@" + imageSize + "@" + classNames.size(), k -> {
      try (Classifier c = create(name, imageSize, classNames, Device.cpu())) {
        StringBuilder shapes = new StringBuilder(blueprint()).append(';');
        c.model().getBlock().getParameters().forEach(p -> shapes.append(p.getKey()).append(p.getValue().getArray().getShape()).append(';'));
        return CheckpointStore.sha256(shapes.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
      }
    });
  }

  /**
   * ResNet-18 with basic blocks (He et al. 2016; 11.7 M parameters for 1000 classes): a 7×7 stride-2 stem
   * with max-pooling, then four stages of two basic blocks (64, 128, 256, 512 channels; stride 2 from the
   * second stage), split after the last stage — 224×224 input gives {@code [B, 512, 7, 7]} — then global
   * average pooling and a Linear layer (with bias). Stages: stem, layer1..layer4.
   */
  public static Classifier resnet18(Shape inputShape, List<String> classNames, Device device) {
    SequentialBlock head = new SequentialBlock().add(new GlobalAveragePooling()).add(Linear.builder().setUnits(classNames.size()).build());
    return resnet18(inputShape, classNames, head, "resnet18", device);
  }

  /** ResNet-18's backbone with a Network-in-Network head (1×1 conv to C maps, then GAP), for timing 1x1-conv maps. */
  public static Classifier resnet18Nin(Shape inputShape, List<String> classNames, Device device) {
    SequentialBlock head = new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(classNames.size()).build())
        .add(new GlobalAveragePooling());
    return resnet18(inputShape, classNames, head, "resnet18-nin", device);
  }

  /** ResNet-18's backbone with an ACoL head (branches of 256 channels), for timing ACoL maps. */
  public static Classifier resnet18Acol(Shape inputShape, List<String> classNames, Device device) {
    return resnet18(inputShape, classNames, new AcolHead(classNames.size(), 256, AcolHead.DEFAULT_DELTA), "resnet18-acol", device);
  }

  private static Classifier resnet18(Shape inputShape, List<String> classNames, Block head, String name, Device device) {
    List<Block> stages = new ArrayList<>();
    stages.add(new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(7, 7)).optStride(new Shape(2, 2)).optPadding(new Shape(3, 3)).optBias(false)
            .setFilters(64).build())
        .add(BatchNorm.builder().build()).add(Activation.reluBlock())
        .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1))));
    int[] widths = {64, 128, 256, 512};
    int in = 64;
    for (int s = 0; s < 4; s++) {
      int stride = s == 0 ? 1 : 2;
      stages.add(new SequentialBlock().add(basicBlock(in, widths[s], stride)).add(basicBlock(widths[s], widths[s], 1)));
      in = widths[s];
    }
    return Classifier.create(name, List.of("stem", "layer1", "layer2", "layer3", "layer4"), stages, head, inputShape, classNames, device);
  }

  /** out = ReLU(BN(conv3×3(ReLU(BN(conv3×3(x))))) + shortcut(x)); the shortcut is a strided 1×1 conv + BN when the shape changes. */
  static Block basicBlock(int in, int out, int stride) {
    SequentialBlock residual = new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride)).optPadding(new Shape(1, 1))
            .optBias(false).setFilters(out).build())
        .add(BatchNorm.builder().build()).add(Activation.reluBlock())
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).optBias(false).setFilters(out).build())
        .add(BatchNorm.builder().build());
    Block shortcut = (stride == 1 && in == out) ? Blocks.identityBlock() : new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).optStride(new Shape(stride, stride)).optBias(false).setFilters(out).build())
        .add(BatchNorm.builder().build());
    return new SequentialBlock()
        .add(new ParallelBlock(list -> new NDList(list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow())), List.of(residual, shortcut)))
        .add(Activation.reluBlock());
  }

  /** k×k convolution (padding keeps the size at stride 1) → BatchNorm → ReLU. */
  static Block convBnRelu(int channels, int kernel, int stride, int dilation) {
    int pad = dilation * (kernel / 2);
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
            .optDilation(new Shape(dilation, dilation)).optPadding(new Shape(pad, pad)).setFilters(channels).build())
        .add(BatchNorm.builder().build())
        .add(Activation.reluBlock());
  }
}
