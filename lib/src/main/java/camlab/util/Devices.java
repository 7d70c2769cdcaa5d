package camlab.util;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Turns "cpu", "gpu", "gpu:1" or null into a DJL {@link Device}, refusing a GPU that is not there. */
public final class Devices {
  private Devices() {}

  /** null or blank: the engine's default device (a GPU when DJL sees one, else the CPU). */
  public static Device parse(String name) {
    if (name == null || name.isBlank()) return Engine.getInstance().defaultDevice();
    String n = name.trim().toLowerCase(java.util.Locale.ROOT);
    if (n.equals("cpu")) return Device.cpu();
    if (n.startsWith("gpu") || n.startsWith("cuda")) {
      int index = 0;
      int colon = n.indexOf(':');
      if (colon >= 0) {
        try {
          index = Integer.parseInt(n.substring(colon + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Device '" + name + "' should be gpu or gpu:N.");
        }
      }
      return check(Device.gpu(index));
    }
    throw new IllegalArgumentException("Unknown device '" + name + "'; use cpu, gpu or gpu:N.");
  }

  /**
   * Refuses a GPU that DJL cannot see (a CPU-only build, a machine without one, or an index past the last):
   * PyTorch would otherwise fail later with a page-long backend list. Never falls back to the CPU silently.
   *
   * @return {@code device}, unchanged
   */
  public static Device check(Device device) {
    if (device == null || !device.isGpu()) return device;
    int gpus = Engine.getInstance().getGpuCount();
    if (device.getDeviceId() >= gpus) {
      throw new IllegalArgumentException("GPU " + device.getDeviceId() + " was requested but DJL sees " + gpus + " GPU(s) with this build."
          + " Use --device cpu (Device.cpu() in code), or on an NVIDIA host build with the CUDA profile (see README, 'Running on a GPU').");
    }
    return device;
  }
}
