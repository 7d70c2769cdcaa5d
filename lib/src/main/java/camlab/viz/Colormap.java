package camlab.viz;

/**
 * Maps a value in [0, 1] to a colour. {@link #JET} is the classic CAM heatmap (blue → red);
 * {@link #VIRIDIS} is perceptually uniform and readable in grey.
 */
public enum Colormap {
  JET(new float[][] {{0, 0, 0.5f}, {0, 0, 1}, {0, 0.5f, 1}, {0, 1, 1}, {0.5f, 1, 0.5f}, {1, 1, 0}, {1, 0.5f, 0}, {1, 0, 0}, {0.5f, 0, 0}}),
  VIRIDIS(new float[][] {{0.267f, 0.005f, 0.329f}, {0.283f, 0.141f, 0.458f}, {0.254f, 0.265f, 0.530f}, {0.207f, 0.372f, 0.553f},
      {0.164f, 0.471f, 0.558f}, {0.128f, 0.567f, 0.551f}, {0.135f, 0.659f, 0.518f}, {0.267f, 0.749f, 0.441f},
      {0.478f, 0.821f, 0.318f}, {0.741f, 0.873f, 0.150f}, {0.993f, 0.906f, 0.144f}});

  private final float[][] anchors; // evenly spaced colours, linearly interpolated

  Colormap(float[][] anchors) {
    this.anchors = anchors;
  }

  /** The colour of {@code value} (clamped to [0, 1]; NaN counts as 0) as packed 0xRRGGBB. */
  public int rgb(float value) {
    float v = Float.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    float position = v * (anchors.length - 1);
    int lower = Math.min((int) position, anchors.length - 2);
    float t = position - lower;
    int rgb = 0;
    for (int c = 0; c < 3; c++) {
      float channel = anchors[lower][c] * (1 - t) + anchors[lower + 1][c] * t;
      rgb = (rgb << 8) | Math.round(channel * 255);
    }
    return rgb;
  }
}
