package camlab.exercises.registry;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import camlab.exercises.graders.cam.ClassActivationMap;

class ContractTest {
  interface Generic {
    List<Integer> apply(int[] xs, java.util.Map.Entry<String, Double> e);
  }

  @Test
  void signatureUsesSimpleNamesAndParameterNames() {
    assertEquals("NDArray classActivationMap(NDArray features, NDArray classWeights)", Contract.of(ClassActivationMap.class).signature());
  }

  @Test
  void genericAndNestedTypesAreShortened() {
    assertEquals("List<Integer> apply(int[] xs, Map.Entry<String, Double> e)", Contract.of(Generic.class).signature());
  }

  @Test
  void onlyOneMethodInterfacesAreContracts() {
    assertThrows(IllegalArgumentException.class, () -> Contract.of(String.class));
    assertThrows(IllegalArgumentException.class, () -> Contract.of(java.util.Iterator.class));
    assertEquals("apply", Contract.of(Function.class).methodName());
  }
}
