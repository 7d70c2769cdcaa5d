package camlab;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;
class EngineSmokeTest {
  @Test void loads() {
    assertEquals("PyTorch", Engine.getInstance().getEngineName());
    try (NDManager m = NDManager.newBaseManager()) {
      assertEquals(6f, m.create(new float[]{1,2,3}).sum().getFloat());
    }
  }
}
