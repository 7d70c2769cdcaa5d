package camlab.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import camlab.TestDevice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDevice.ENGINE)
class BaselinesTest {
  @Test
  void centerGaussianPeaksOnTheFourCentrePixelsAndVanishesInTheCorners() {
    try (NDManager m = TestDevice.manager()) {
      float[] map = Baselines.centerGaussian().scoreMaps(null, m.zeros(new Shape(1, 1, 4, 4)), new int[1])[0];
      // centre (1.5, 1.5), σ = 1: centre pixels at distance² 0.5, edge-middle 2.5, corners 4.5; min–max over them
      double peak = Math.exp(-0.25);
      double corner = Math.exp(-2.25);
      double edge = (Math.exp(-1.25) - corner) / (peak - corner);
      float[] expected = {
          0, (float) edge, (float) edge, 0,
          (float) edge, 1, 1, (float) edge,
          (float) edge, 1, 1, (float) edge,
          0, (float) edge, (float) edge, 0,
      };
      assertArrayEquals(expected, map, 1e-6f);
    }
  }

  @Test
  void imageIntensityIsTheMinMaxNormalisedImage() {
    try (NDManager m = TestDevice.manager()) {
      float[] pixels = {0.2f, 0.4f, 0.6f, 0.2f, 0.3f, 0.5f, 0.6f, 0.2f};
      float[][] maps = Baselines.imageIntensity().scoreMaps(null, m.create(pixels, new Shape(2, 1, 2, 2)), new int[2]);
      assertArrayEquals(new float[] {0, 0.5f, 1, 0}, maps[0], 1e-6f);
      assertArrayEquals(new float[] {0.25f, 0.75f, 1, 0}, maps[1], 1e-6f);
      float[] flat = Baselines.imageIntensity().scoreMaps(null, m.ones(new Shape(1, 1, 2, 2)), new int[1])[0];
      assertArrayEquals(new float[4], flat, 0); // a constant image gives the all-zero map, as wsolevaluation
      assertTrue(Baselines.imageIntensity().isBaseline());
      assertEquals("image-intensity", Baselines.imageIntensity().name());
      assertThrows(IllegalArgumentException.class,
          () -> Baselines.imageIntensity().scoreMaps(null, m.ones(new Shape(1, 3, 2, 2)), new int[1]));
    }
  }
}
