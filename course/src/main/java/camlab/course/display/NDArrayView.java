package camlab.course.display;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * How an {@link NDArray} is shown: a map-like array (2-D after dropping leading size-1 axes, both sides at
 * least {@value #MIN_MAP_SIDE}: e.g. [7,7], [1,28,28], [1,1,14,14]) as a heatmap PNG; anything else as
 * DJL's text form. The text always comes along, with the value range for maps.
 */
public final class NDArrayView {
  static final int MIN_MAP_SIDE = 4;

  private NDArrayView() {}

  /** {height, width} if {@code shape} should be drawn as a heatmap, else null. */
  public static int[] mapSize(Shape shape) {
    long[] dims = shape.getShape();
    int first = 0;
    while (first < dims.length - 2 && dims[first] == 1) first++;
    if (dims.length - first != 2) return null;
    long h = dims[first];
    long w = dims[first + 1];
    if (h < MIN_MAP_SIDE || w < MIN_MAP_SIDE || h * w > Integer.MAX_VALUE / 2) return null;
    return new int[] {(int) h, (int) w};
  }

  static boolean numeric(DataType type) {
    return type.isFloating() || type.isInteger() || type.isBoolean();
  }

  /** True if {@code array} is drawn as a heatmap. */
  public static boolean isMap(NDArray array) {
    return mapSize(array.getShape()) != null && numeric(array.getDataType());
  }

  /** The heatmap of a map-like array ({@link #isMap}), drawn from its values. */
  public static BufferedImage heatmap(NDArray array, float[] values) {
    int[] hw = mapSize(array.getShape());
    return Heatmap.render(values, hw[0], hw[1], array.getShape() + " " + array.getDataType().name().toLowerCase(Locale.ROOT));
  }

  /** DJL's text form, plus min/max when {@code values} are given (for maps, whose text is abbreviated). */
  public static String text(NDArray array, float[] values) {
    String text = array.toString();
    if (values == null) return text;
    double[] range = Heatmap.range(values);
    return text + "\nmin " + Heatmap.label(range[0]) + ", max " + Heatmap.label(range[1]);
  }

  /**
   * The values as floats. A converted copy is closed at once: it would otherwise live in the user's
   * NDManager (results of array operations attach to their input's manager) until that closes.
   */
  public static float[] floats(NDArray array) {
    if (array.getDataType() == DataType.FLOAT32) return array.toFloatArray();
    try (NDArray converted = array.toType(DataType.FLOAT32, false)) {
      return converted.toFloatArray();
    }
  }
}
