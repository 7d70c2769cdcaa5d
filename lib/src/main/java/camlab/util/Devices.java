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
      int gpus = Engine.getInstance().getGpuCount();
      if (index >= gpus) {
        throw new IllegalArgumentException("GPU " + index + " was requested but DJL sees " + gpus + " GPU(s) with this build."
            + " Use --device cpu, or on an NVIDIA host build with the CUDA profile (see README, 'Running on a GPU').");
      }
      return Device.gpu(index);
    }
    throw new IllegalArgumentException("Unknown device '" + name + "'; use cpu, gpu or gpu:N.");
  }
}
