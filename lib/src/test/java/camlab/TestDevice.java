package camlab;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import camlab.util.Devices;

/**
 * The device the tests that touch the engine run on: the system property {@code camlab.test.device} or the
 * environment variable {@code CAMLAB_TEST_DEVICE} ({@code cpu}, {@code gpu} or {@code gpu:N}); unset means the CPU,
 * whatever the machine has, so a run is reproducible. {@code ./mvnw -pl lib test -Dcamlab.test.device=gpu} runs them
 * on the first GPU, and refuses at the first test with DJL's GPU count when there is none.
 *
 * <p>Every such test class carries {@code @Tag(TestDevice.ENGINE)}, so that a GPU check can run exactly them
 * ({@code --include-tag engine}); {@code TestDeviceTest} keeps the tag and the helper in use.
 */
public final class TestDevice {
  /** The JUnit tag of the test classes that create arrays, models or explanations. */
  public static final String ENGINE = "engine";

  public static final String PROPERTY = "camlab.test.device";
  public static final String ENVIRONMENT = "CAMLAB_TEST_DEVICE";

  private TestDevice() {}

  /** The requested device's name as the command line takes it ({@code --device}): "cpu" when unset. */
  public static String name() {
    String value = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
    return value == null || value.isBlank() ? "cpu" : value.trim();
  }

  /** The requested device, checked: a GPU that DJL does not see is an error that says so. */
  public static Device get() {
    return Devices.parse(name());
  }

  /** A new base manager on {@link #get()}; the caller closes it. */
  public static NDManager manager() {
    return NDManager.newBaseManager(get());
  }
}
