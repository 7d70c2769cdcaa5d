package camlab.kernel.display;

/**
 * Viridis (matplotlib's default map): perceptually uniform and readable in grey and by colour-blind
 * readers, unlike the "jet" map of early CAM papers. The library's {@link camlab.viz.Colormap#VIRIDIS}, so
 * heatmaps in the notebook and overlays from the library use the same colours.
 */
final class Colormap {
  private Colormap() {}

  /** The RGB colour of {@code t} in [0, 1] (clamped; NaN counts as 0). */
  static int rgb(double t) {
    return camlab.viz.Colormap.VIRIDIS.rgb((float) t);
  }
}
