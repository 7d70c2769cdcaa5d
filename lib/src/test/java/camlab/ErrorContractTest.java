package camlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import camlab.explain.AcolMaps;
import camlab.explain.ActivationMaps;
import camlab.explain.Cam;
import camlab.explain.Conv1x1Maps;
import camlab.explain.Explainers;
import camlab.explain.GradCam;
import camlab.explain.Targets;
import camlab.model.Architectures;
import camlab.model.Classifier;
import camlab.ops.MapOps;
import camlab.util.Devices;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The rows of docs/errors.md that cut across packages: each bad input is refused with a message that says what
 * was wrong and what to do (asserted on its content). An untrained GAP-CNN on 32×32 images is enough: the checks
 * run before the numbers matter.
 */
@Tag(TestDevice.ENGINE)
class ErrorContractTest {
  private static final List<String> TEN = IntStream.range(0, 10).mapToObj(i -> "c" + i).toList();
  private static Classifier model;
  private static NDManager m;

  @BeforeAll
  static void open() {
    Engine.getInstance().setRandomSeed(3);
    model = Architectures.gapCnn(32, TEN, TestDevice.get());
    m = TestDevice.manager();
  }

  @AfterAll
  static void close() {
    m.close();
    model.close();
  }

  /** Asserts that {@code call} throws {@code type} and that its message holds every one of {@code parts}. */
  private static <T extends Throwable> T refuses(Class<T> type, Executable call, String... parts) {
    T e = assertThrows(type, call);
    for (String part : parts) assertTrue(String.valueOf(e.getMessage()).contains(part), "missing '" + part + "' in: " + e.getMessage());
    return e;
  }

  @Test
  void wrongRankNamesTheShapeTheModelTakes() {
    refuses(IllegalArgumentException.class, () -> model.logits(m.zeros(new Shape(1, 32, 32))),
        "takes images of shape [batch, 1, 32, 32]", "got (1, 32, 32)");
    refuses(IllegalArgumentException.class, () -> model.logits(null), "images are null", "[batch, 1, 32, 32]");
  }

  @Test
  void wrongChannelCountNamesExpectedAndActualShapes() {
    refuses(IllegalArgumentException.class, () -> new GradCam().explain(model, m.zeros(new Shape(2, 3, 32, 32))),
        "[batch, 1, 32, 32]", "got (2, 3, 32, 32)");
  }

  @Test
  void activationsOfTheWrongShapeAtTheHeadAreNotAnEngineStackTrace() {
    NDArray a = model.features(m.zeros(new Shape(1, 1, 32, 32)));
    long channels = a.getShape().get(1);
    NDArray wrong = m.zeros(new Shape(1, channels + 3, a.getShape().get(2), a.getShape().get(3)));
    IllegalArgumentException e = refuses(IllegalArgumentException.class, () -> model.head(wrong),
        "head", wrong.getShape().toString(), "features(");
    assertTrue(e.getMessage().lines().count() == 1, "one line: " + e.getMessage());
  }

  @Test
  void wrongDtypeSaysHowToConvert() {
    refuses(IllegalArgumentException.class, () -> model.logits(m.zeros(new Shape(1, 1, 32, 32), DataType.FLOAT64)),
        "must be float32; got float64", "toType(DataType.FLOAT32, false)");
    refuses(IllegalArgumentException.class, () -> new Cam().explain(model, m.zeros(new Shape(1, 1, 32, 32), DataType.INT32)),
        "must be float32; got int32");
  }

  @Test
  void nanAndInfInImagesAreCountedAndRefused() {
    float[] pixels = new float[2 * 32 * 32];
    pixels[5] = Float.NaN;
    pixels[1000] = Float.NaN;
    pixels[2000] = Float.NEGATIVE_INFINITY;
    NDArray images = m.create(pixels, new Shape(2, 1, 32, 32));
    refuses(IllegalArgumentException.class, () -> new GradCam().explain(model, images),
        "2 NaN and 1 infinite values", "loaded and preprocessed");
  }

  @Test
  void anEmptyBatchIsRefused() {
    refuses(IllegalArgumentException.class, () -> model.logits(m.zeros(new Shape(0, 1, 32, 32))), "batch of images is empty", "at least one");
    refuses(IllegalArgumentException.class, () -> MapOps.minMaxNormalize(m.zeros(new Shape(0, 4, 4))), "batch of maps is empty");
    refuses(IllegalArgumentException.class, () -> Targets.perImage(), "one class index per image", "Targets.top1()");
  }

  @Test
  void classIndicesOutsideTheModelsRangeNameTheValidRange() {
    NDArray images = m.zeros(new Shape(2, 1, 32, 32));
    refuses(IllegalArgumentException.class, () -> new GradCam().explain(model, images, Targets.allFor(10)),
        "Class index 10", "10 classes", "0..9");
    refuses(IllegalArgumentException.class, () -> new GradCam().explain(model, images, Targets.perImage(3, -1)),
        "Class index -1 (image 1)", "0..9");
  }

  @Test
  void batchTargetMismatchSaysWhatToGive() {
    refuses(IllegalArgumentException.class, () -> new Cam().explain(model, m.zeros(new Shape(2, 1, 32, 32)), Targets.perImage(1, 2, 3)),
        "2 images but 3 target classes", "one class per image");
  }

  @Test
  void nanOrInfInMapsIsRefusedNamingTheMap() {
    NDArray maps = m.zeros(new Shape(3, 2, 2));
    maps.set(new ai.djl.ndarray.index.NDIndex("2, 1, 0"), Float.POSITIVE_INFINITY);
    refuses(IllegalArgumentException.class, () -> MapOps.minMaxNormalize(maps), "Map 2", "NaN or Inf", "check the model's output");
  }

  @Test
  void constantMapsNormaliseToZerosThroughTheWholePipeline() {
    // an all-zero image through an untrained net can still give varying maps, so build constant ones by hand
    NDArray constant = m.full(new Shape(2, 4, 4), 0.25f);
    ActivationMaps maps = new ActivationMaps("cam", constant, new int[] {0, 1}, m.zeros(new Shape(2, 10)));
    float[] normalised = maps.upsample(8, 8).normalize(ActivationMaps.Normalization.MIN_MAX).maps().toFloatArray();
    assertArrayEquals(new float[2 * 8 * 8], normalised, 0f);
  }

  @Test
  void aMethodThatDoesNotFitTheModelSaysWhichOneDoes() {
    NDArray images = m.zeros(new Shape(1, 1, 32, 32));
    try (Classifier fc = Architectures.fcCnn(32, TEN, TestDevice.get())) {
      refuses(UnsupportedOperationException.class, () -> new Cam().explain(fc, images),
          "CAM needs a head made of global average pooling followed by one Linear layer", "fc-cnn", "Use Grad-CAM");
    }
    refuses(UnsupportedOperationException.class, () -> new Conv1x1Maps().explain(model, images), "1×1 convolution", "Use CAM or Grad-CAM");
    refuses(UnsupportedOperationException.class, () -> new AcolMaps().explain(model, images), "has no ACoL head", "Train the 'acol' architecture");
    refuses(IllegalArgumentException.class, () -> Explainers.byName("gradcam-3d"), "Unknown method 'gradcam-3d'; choose one of", "gradcam");
  }

  @Test
  void splitPointThatDoesNotExistListsTheStages() {
    refuses(IllegalArgumentException.class, () -> model.splitAt("conv9"), "no stage 'conv9'", "[conv1, conv2, conv3, conv4]");
  }

  @Test
  void aGpuThatIsNotThereIsAClearErrorNotAFallback() {
    int missing = Engine.getInstance().getGpuCount(); // one past the last GPU: GPU 0 where there is none
    String requested = "GPU " + missing + " was requested";
    refuses(IllegalArgumentException.class, () -> Devices.parse("gpu:" + missing), requested, "DJL sees " + missing + " GPU(s)", "--device cpu",
        "CUDA profile");
    refuses(IllegalArgumentException.class, () -> Architectures.gapCnn(32, TEN, Device.gpu(missing)), requested, "Device.cpu()");
    java.nio.file.Path gap = java.nio.file.Path.of("src/test/resources/torchscript/gap");
    refuses(IllegalArgumentException.class, () -> camlab.model.TorchScriptModels.load(gap.resolve("features.pt"), gap.resolve("head.pt"),
        new Shape(3, 32, 32), null, Device.gpu(missing)), requested);
    refuses(IllegalArgumentException.class, () -> Devices.parse("tpu"), "Unknown device 'tpu'", "cpu, gpu or gpu:N");
  }
}
